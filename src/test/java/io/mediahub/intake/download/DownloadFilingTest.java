package io.mediahub.intake.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.intake.LibraryNames;
import io.mediahub.jobs.JobFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, .nfo, URL lists and playlist entries of downloads. */
class DownloadFilingTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void namesFollowTheLibraryRulesAndKeepTheDateAndTheId() {
        assertThat(LibraryNames.download("videos", "Some/Channel", "2024-05-06", "A: Title?", "abc123", ".mp4"))
                .isEqualTo(Path.of("videos", "Some_Channel", "2024-05-06 - A - Title_ [abc123].mp4"));
        Path longOne = LibraryNames.download("audio", "..", "2024-05-06", "x".repeat(400), "id", ".m4a");
        assertThat(longOne.getName(1).toString()).isEqualTo("Unknown");
        assertThat(longOne.getFileName().toString()).startsWith("2024-05-06 - xxx").endsWith("x [id].m4a");
        assertThat(longOne.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Test
    void theNfoEscapesEverythingAndNamesTheVideosSource() throws Exception {
        VideoInfo yt = VideoInfo.of(json.readTree("{\"id\":\"dQw4w9WgXcQ\",\"title\":\"<b>Rick</b> & \\u0001Roll\",\"channel\":\"R&A\","
                + "\"upload_date\":\"20091025\",\"duration\":212,\"extractor_key\":\"Youtube\",\"description\":\"]]> \\\"quoted\\\"\"}"));
        assertThat(yt.uploader()).isEqualTo("R&A");
        assertThat(yt.uploadDay()).isEqualTo("2009-10-25");
        String nfo = DownloadNfo.of(yt, yt.title(), yt.uploadDay(), yt.uploader());
        assertThat(nfo).contains("<title>&lt;b&gt;Rick&lt;/b&gt; &amp; Roll</title>", "<studio>R&amp;A</studio>", "<runtime>4</runtime>",
                "<aired>2009-10-25</aired>", "<premiered>2009-10-25</premiered>", "<uniqueid type=\"youtube\" default=\"true\">dQw4w9WgXcQ</uniqueid>");
        assertThat(nfo).contains("<plot>]]&gt; \"quoted\"</plot>").doesNotContain("\u0001");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(nfo.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        VideoInfo vimeo = VideoInfo.of(json.readTree("{\"id\":\"42\",\"title\":\"t\",\"extractor_key\":\"Vimeo\"}"));
        assertThat(DownloadNfo.of(vimeo, "t", "2024-01-01", null)).contains("<uniqueid type=\"vimeo\" default=\"true\">42</uniqueid>")
                .doesNotContain("<studio>").doesNotContain("<runtime>");
    }

    @Test
    void urlFilesGiveTheirUrlsAndOnlyHttpUrlsAreTaken() {
        assertThat(UrlList.parse("\uFEFF# mine\nhttps://a.org/1\r\n\n  https://a.org/2  \nhttps://a.org/1\n"))
                .containsExactly("https://a.org/1", "https://a.org/2");
        assertThat(UrlList.parse("[InternetShortcut]\nIconIndex=0\nURL=https://www.youtube.com/watch?v=x\n"))
                .containsExactly("https://www.youtube.com/watch?v=x");
        assertThat(UrlList.problem("https://a.org/x")).isNull();
        assertThat(UrlList.problem("file:///etc/passwd")).contains("not an http or https URL");
        assertThat(UrlList.problem("--exec=x")).isNotNull();
        assertThat(UrlList.problem("http:///nohost")).isNotNull();
        assertThat(UrlList.host("http://127.0.0.1:8080/a")).isEqualTo("127.0.0.1");
    }

    @Test
    void playlistEntriesWithTheirOwnUrlAreDownloadedFromItOthersAsItemsOfThePlaylist() throws Exception {
        var yt = PlaylistEntries.of("https://www.youtube.com/playlist?list=P", json.readTree("{\"_type\":\"playlist\",\"entries\":["
                + "{\"url\":\"https://www.youtube.com/watch?v=a\",\"title\":\"A\"},{\"url\":\"https://www.youtube.com/watch?v=b\",\"title\":\"B\"}]}"));
        assertThat(yt).containsExactly(new PlaylistEntries.Entry("https://www.youtube.com/watch?v=a", null, "A"),
                new PlaylistEntries.Entry("https://www.youtube.com/watch?v=b", null, "B"));
        var page = PlaylistEntries.of("http://h/list.html", json.readTree("{\"entries\":[{\"title\":\"L (1)\",\"webpage_url\":\"http://h/list.html\","
                + "\"playlist_index\":1,\"formats\":[{\"url\":\"http://h/a.mp4\"}]},{\"title\":\"L (2)\",\"playlist_index\":2}]}"));
        assertThat(page).containsExactly(new PlaylistEntries.Entry("http://h/list.html", 1, "L (1)"), new PlaylistEntries.Entry("http://h/list.html", 2, "L (2)"));
        assertThat(PlaylistEntries.of("http://h/v", json.readTree("{\"title\":\"one\"}"))).containsExactly(new PlaylistEntries.Entry("http://h/v", null, "one"));
    }

    @Test
    void nothingIsFiledThroughALinkInTheLibrary() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(library.resolve("videos"), dir.resolve("elsewhere"));
        assertThatThrownBy(() -> DownloadFiler.checkNoLinks(library, library.resolve("videos/Chan")))
                .isInstanceOf(JobFailure.class).hasMessageContaining("videos in the library is a symbolic link");
        DownloadFiler.checkNoLinks(library, library.resolve("audio/Chan"));
    }
}
