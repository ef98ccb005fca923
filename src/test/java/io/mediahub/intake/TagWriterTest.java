package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ffmpeg's argument list, the tag names per container, and the check of a rewritten file. */
class TagWriterTest {
    private static final MusicIdentity TIME = new MusicIdentity("acoustid", "Time", "Pink Floyd", "83d91898-7763-47d7-b03b-b92132375c47",
            "The Dark Side of the Moon", "Pink Floyd", "83d91898-7763-47d7-b03b-b92132375c47", "1973-03-24", 4, 10, 1, 1, 409_600L,
            "41959321-f2bb-4580-aa19-16248fe665d3", "b84ee12a-09ef-421b-82de-0441a926375b", "f5cd9ed5-11f0-3c04-9a8a-5c7b1e9e7c8a",
            "9b3bf7b4-0d36-3aa6-86c7-8b4e0d3b3cb1", "38338eff-b530-498c-a2ef-07e01d642187", true);

    @Test
    void mp3GetsPicardsTxxxNamesFlacItsVorbisNamesAndM4aTheCommonTagsOnly() {
        Map<String, String> mp3 = TagWriter.tagsFor(TIME, ".mp3");
        assertThat(mp3).containsEntry("title", "Time").containsEntry("artist", "Pink Floyd").containsEntry("album_artist", "Pink Floyd")
                .containsEntry("album", "The Dark Side of the Moon").containsEntry("track", "4/10").containsEntry("disc", "1/1")
                .containsEntry("date", "1973-03-24").containsEntry("MusicBrainz Track Id", "41959321-f2bb-4580-aa19-16248fe665d3")
                .containsEntry("MusicBrainz Album Id", "b84ee12a-09ef-421b-82de-0441a926375b")
                .containsEntry("Acoustid Id", "38338eff-b530-498c-a2ef-07e01d642187");
        assertThat(TagWriter.tagsFor(TIME, ".FLAC")).containsEntry("MUSICBRAINZ_TRACKID", "41959321-f2bb-4580-aa19-16248fe665d3")
                .containsEntry("MUSICBRAINZ_ALBUMID", "b84ee12a-09ef-421b-82de-0441a926375b").containsEntry("ACOUSTID_ID", TIME.acoustId())
                .doesNotContainKey("MusicBrainz Track Id");
        assertThat(TagWriter.tagsFor(TIME, ".m4a")).containsOnlyKeys("title", "artist", "album_artist", "album", "track", "disc", "date");
    }

    @Test
    void aTagIsOneLineAndUnknownsAreLeftOut() {
        MusicIdentity odd = new MusicIdentity("acoustid", "Line\none", "A\tB", null, null, null, null, null, 3, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(TagWriter.tagsFor(odd, ".mp3")).containsExactly(Map.entry("title", "Line one"), Map.entry("artist", "A B"),
                Map.entry("track", "3"));
    }

    @Test
    void ffmpegCopiesEveryStreamAndReadsAndWritesAbsoluteFileUrls() {
        Path file = Path.of("/lib/music/-rf/$(id).mp3");
        Path staging = TagWriter.stagingFor(file);
        assertThat(staging).isEqualTo(Path.of("/lib/music/-rf/.$(id).mediahub-tags.mp3"));
        assertThat(TagWriter.arguments("ffmpeg", file, staging, Map.of("title", "-x=y")))
                .containsExactly("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", "file:/lib/music/-rf/$(id).mp3", "-map", "0", "-c", "copy",
                        "-metadata", "title=-x=y", "file:/lib/music/-rf/.$(id).mediahub-tags.mp3");
    }

    @Test
    void aRewrittenFileMustHaveTheSameStreamsAndDurationAndTheNewTags() {
        MediaProbe.Result before = result(5.04, 1, Map.of("title", "track04"));
        Map<String, String> tags = Map.of("title", "Time", "album", "The Dark Side of the Moon");
        assertThat(TagWriter.problem(before, result(5.05, 1, tags), tags)).isNull();
        assertThat(TagWriter.problem(before, result(2.0, 1, tags), tags)).isEqualTo("it lasts 2.00 s, the original 5.04 s");
        assertThat(TagWriter.problem(before, result(5.04, 0, tags), tags)).isEqualTo("it has 0 audio streams, the original 1");
        assertThat(TagWriter.problem(before, result(5.04, 1, Map.of("title", "Time")), tags))
                .isEqualTo("its album tag reads 'null', not 'The Dark Side of the Moon'");
    }

    private static MediaProbe.Result result(double duration, int audioStreams, Map<String, String> tags) {
        List<MediaProbe.AudioTrack> audio = audioStreams == 0 ? List.of() : List.of(new MediaProbe.AudioTrack("mp3", 1, null));
        return new MediaProbe.Result("ffprobe", duration, "mp3", null, null, null, null, audio, List.of(), tags);
    }
}
