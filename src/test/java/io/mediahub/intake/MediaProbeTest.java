package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** ffprobe's JSON read into the probe's findings: HDR kinds, attached pictures, audio languages, empty files. */
class MediaProbeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsHdrAudioTracksAndSkipsCoverArt() throws Exception {
        var r = MediaProbe.parseFfprobe(JSON.readTree("""
                {"streams":[
                  {"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,"disposition":{"attached_pic":1}},
                  {"codec_type":"video","codec_name":"hevc","width":3840,"height":2160,"color_transfer":"smpte2084"},
                  {"codec_type":"audio","codec_name":"eac3","channels":6,"tags":{"language":"eng"}},
                  {"codec_type":"audio","codec_name":"aac","channels":2,"tags":{"language":"und"}},
                  {"codec_type":"subtitle","codec_name":"subrip","tags":{"language":"fre"}}],
                 "format":{"format_name":"matroska,webm","duration":"5400.5","tags":{"TITLE":"A Film"}}}"""));
        assertThat(r.videoCodec()).isEqualTo("hevc");
        assertThat(r.width()).isEqualTo(3840);
        assertThat(r.hdr()).isEqualTo("HDR10");
        assertThat(r.audio()).containsExactly(new MediaProbe.AudioTrack("eac3", 6, "eng"), new MediaProbe.AudioTrack("aac", 2, null));
        assertThat(r.subtitleLanguages()).containsExactly("fre");
        assertThat(r.durationSeconds()).isEqualTo(5400.5);
        assertThat(r.tag("title")).isEqualTo("A Film");

        var hlg = MediaProbe.parseFfprobe(JSON.readTree("{\"streams\":[{\"codec_type\":\"video\",\"codec_name\":\"hevc\",\"color_transfer\":\"arib-std-b67\"}],\"format\":{}}"));
        assertThat(hlg.hdr()).isEqualTo("HLG");
        assertThat(hlg.durationSeconds()).isNull();
        var dv = MediaProbe.parseFfprobe(JSON.readTree("{\"streams\":[{\"codec_type\":\"video\",\"codec_name\":\"hevc\","
                + "\"side_data_list\":[{\"side_data_type\":\"DOVI configuration record\"}]}],\"format\":{}}"));
        assertThat(dv.hdr()).isEqualTo("Dolby Vision");
    }

    @Test
    void aFileWithoutStreamsIsRefused() {
        assertThatThrownBy(() -> MediaProbe.parseFfprobe(JSON.readTree("{\"streams\":[],\"format\":{}}")))
                .hasMessage("ffprobe found no audio or video stream");
    }

    @Test
    void mediainfoJsonGivesDurationAndTags() throws Exception {
        var r = MediaProbe.parseMediainfo(JSON.readTree("""
                [{"@type":"General","Format":"MPEG Audio","Duration":"2.040","Performer":"The Testers","Album":"Signals","Track":"Sine"},
                 {"@type":"Audio","Format":"MPEG Audio","Channels":"1"}]"""));
        assertThat(r.durationSeconds()).isEqualTo(2.04);
        assertThat(r.hasVideo()).isFalse();
        assertThat(r.tag("artist")).isEqualTo("The Testers");
        assertThat(r.tag("title")).isEqualTo("Sine");
        assertThat(r.audio()).containsExactly(new MediaProbe.AudioTrack("MPEG Audio", 1, null));
    }
}
