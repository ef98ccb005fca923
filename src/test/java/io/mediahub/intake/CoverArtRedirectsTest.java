package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CoverArtRedirectsTest {
    private final CoverArtRedirects real = new CoverArtRedirects("https://coverartarchive.org/");
    private final CoverArtRedirects mirror = new CoverArtRedirects("http://caa.lan:8080");

    @Test
    void httpsToTheArchiveHostsIsFollowed() {
        assertThat(real.refusal(URI.create("https://archive.org/download/mbid-x/mbid-x-1.jpg"))).isNull();
        assertThat(real.refusal(URI.create("https://ia800.us.archive.org/32/items/x.jpg"))).isNull();
        assertThat(real.refusal(URI.create("https://coverartarchive.org/release/x/1.jpg"))).isNull();
        assertThat(real.refusal(URI.create("https://ARCHIVE.org:443/x.jpg"))).isNull();
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThat(real.refusal(URI.create("http://archive.org/x.jpg"))).isEqualTo("which is not https");
        assertThat(real.refusal(URI.create("https://archive.org:8443/x.jpg"))).isEqualTo("which is not coverartarchive.org or archive.org");
        assertThat(real.refusal(URI.create("https://evilarchive.org/x.jpg"))).isEqualTo("which is not coverartarchive.org or archive.org");
        assertThat(real.refusal(URI.create("https://archive.org.evil.net/x.jpg"))).isEqualTo("which is not coverartarchive.org or archive.org");
        assertThat(real.refusal(URI.create("https://user@archive.org/x.jpg"))).isEqualTo("which is not a plain absolute http address");
        assertThat(real.refusal(URI.create("file:///etc/passwd"))).isEqualTo("which is not a plain absolute http address");
        assertThat(real.refusal(URI.create("/relative.jpg"))).isEqualTo("which is not a plain absolute http address");
    }

    @Test
    void theConfiguredOriginItselfIsFollowedWhateverItsScheme() {
        assertThat(mirror.refusal(URI.create("http://caa.lan:8080/images/1.jpg"))).isNull();
        assertThat(mirror.refusal(URI.create("http://caa.lan/images/1.jpg"))).isEqualTo("which is not https");
        assertThat(mirror.refusal(URI.create("http://other.lan:8080/images/1.jpg"))).isEqualTo("which is not https");
    }
}
