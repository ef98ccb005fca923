package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AcoustID and MusicBrainz fixtures (real answers' shapes, see their README.md) read into candidates and identities. */
class MusicBrainzMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode example(String file) {
        return Fixtures.json(file);
    }

    @Test
    void acoustIdsReleaseGroupsBecomeCandidatesAndTheAlbumWinsOverCompilationsAndTheSingle() throws Exception {
        JsonNode lookup = example("acoustid/lookup.hocus-pocus.json");
        JsonNode focus = lookup.path("results").get(0).path("recordings").get(2);
        assertThat(focus.path("id").asText()).isEqualTo("af578913-c456-4d27-bb69-612c8cea0799");

        List<ReleaseChooser.Candidate> candidates = MusicBrainzMapper.fromAcoustId(focus);
        assertThat(candidates).as("one candidate a release: 8 release groups, 13 releases").hasSize(13);
        ReleaseChooser.Candidate single = candidates.stream().filter(c -> c.releaseId().equals("f92d6ea1-e412-403c-be03-953715ef872c"))
                .findFirst().orElseThrow();
        assertThat(single).extracting(ReleaseChooser.Candidate::title, ReleaseChooser.Candidate::primaryType, ReleaseChooser.Candidate::trackCount,
                ReleaseChooser.Candidate::trackPosition, ReleaseChooser.Candidate::date).containsExactly("Hocus Pocus / Janis", "Single", 2, 1, "1971-07");

        List<ReleaseChooser.Scored> ranked = ReleaseChooser.rank(candidates, null);
        // "Ship of Memories" is the only album that is not a compilation; of its two releases the 1988 one is the original.
        assertThat(ranked.get(0).candidate()).extracting(ReleaseChooser.Candidate::releaseId, ReleaseChooser.Candidate::title)
                .containsExactly("2dc17dca-01ca-4148-be56-cb3bf1ba1616", "Ship of Memories");
        assertThat(ranked).filteredOn(s -> "Single".equals(s.candidate().primaryType())).extracting(ReleaseChooser.Scored::score)
                .containsExactly(-5);
        assertThat(ranked).filteredOn(s -> s.candidate().compilation()).extracting(ReleaseChooser.Scored::score).containsOnly(-5);

        MusicIdentity id = MusicBrainzMapper.fromAcoustId(focus, ranked.get(0).candidate());
        assertThat(id).extracting(MusicIdentity::title, MusicIdentity::artist, MusicIdentity::album, MusicIdentity::albumArtist,
                MusicIdentity::track, MusicIdentity::trackTotal, MusicIdentity::year, MusicIdentity::lengthMs)
                .containsExactly("Hocus Pocus", "Focus", "Ship of Memories", "Focus", 10, 10, 1988, 204_000L);
    }

    @Test
    void aReleaseLookupGivesTheTrackItsAlbumArtistDateAndCoverFlag() throws Exception {
        JsonNode release = example("musicbrainz/release.dark-side-of-the-moon.json");

        MusicIdentity time = MusicBrainzMapper.onRelease(release, "41959321-f2bb-4580-aa19-16248fe665d3");

        assertThat(time).extracting(MusicIdentity::title, MusicIdentity::artist, MusicIdentity::album, MusicIdentity::albumArtist,
                MusicIdentity::date, MusicIdentity::year, MusicIdentity::track, MusicIdentity::trackTotal, MusicIdentity::disc,
                MusicIdentity::discTotal, MusicIdentity::lengthMs, MusicIdentity::releaseId, MusicIdentity::frontCover)
                .containsExactly("Time", "Pink Floyd", "The Dark Side of the Moon", "Pink Floyd", "1973-03-24", 1973, 4, 10, 1, 1, 409_600L,
                        "b84ee12a-09ef-421b-82de-0441a926375b", true);
        assertThat(time.albumArtistId()).isEqualTo("83d91898-7763-47d7-b03b-b92132375c47");
        assertThat(time.releaseGroupId()).isNotNull();
        assertThat(MusicBrainzMapper.onRelease(release, "00000000-0000-0000-0000-000000000000")).isNull();
    }

    @Test
    void aTrackIsFoundByItsPositionElseByItsTitle() throws Exception {
        JsonNode release = example("musicbrainz/release.dark-side-of-the-moon.json");

        assertThat(MusicBrainzMapper.trackOf(release, 1, 6, null).title()).isEqualTo("Money");
        assertThat(MusicBrainzMapper.trackOf(release, null, null, "the great gig in the sky").track()).isEqualTo(5);
        assertThat(MusicBrainzMapper.trackOf(release, null, 99, "Brain-Damage").track()).as("no track 99: by title").isEqualTo(9);
        assertThat(MusicBrainzMapper.trackOf(release, null, null, "Wish You Were Here")).isNull();
    }

    @Test
    void artistCreditsKeepTheirJoinPhrases() throws Exception {
        JsonNode credits = JSON.readTree("""
                [{"name":"Simon","joinphrase":" & ","artist":{"id":"a","name":"Paul Simon"}},{"name":"Garfunkel","joinphrase":"","artist":{"id":"b"}}]""");
        assertThat(MusicBrainzMapper.artistCredit(credits)).isEqualTo("Simon & Garfunkel");
        assertThat(MusicBrainzMapper.artistCredit(JSON.readTree("[]"))).isNull();
        assertThat(MusicBrainzMapper.acoustIdDate(JSON.readTree("{\"year\":1976}"))).isEqualTo("1976");
        assertThat(MusicBrainzMapper.acoustIdDate(JSON.readTree("{\"year\":2017,\"month\":4,\"day\":7}"))).isEqualTo("2017-04-07");
    }
}
