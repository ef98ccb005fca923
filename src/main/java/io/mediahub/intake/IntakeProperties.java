package io.mediahub.intake;

import io.mediahub.config.Settings;
import org.apache.camel.spi.PropertiesSource;

/**
 * Two values the intake's routes need in a form the settings do not give them, offered to Camel's property
 * placeholders (Camel picks up every {@link PropertiesSource} bound in its registry):
 * <ul>
 * <li>{@value #MUSICBRAINZ_INTERVAL}: {@code MUSICBRAINZ_REQUEST_INTERVAL} in milliseconds (at least 1), the period of
 * {@code intake-call-musicbrainz}'s throttle (one request per period);</li>
 * <li>{@value #MUSICBRAINZ_URL}: {@code MUSICBRAINZ_API_URL}, or a placeholder host when it is set empty (an endpoint
 * needs a URI; the intake never calls MusicBrainz then).</li>
 * </ul>
 * Neither is a secret.
 */
public final class IntakeProperties implements PropertiesSource {
    static final String MUSICBRAINZ_INTERVAL = "intake.musicbrainz-interval-millis";
    static final String MUSICBRAINZ_URL = "intake.musicbrainz-call-url";

    private final Settings settings;

    public IntakeProperties(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "mediahub-intake";
    }

    @Override
    public String getProperty(String name) {
        return switch (name) {
            case MUSICBRAINZ_INTERVAL -> String.valueOf(Math.max(1, settings.getDuration("musicbrainz.request-interval").toMillis()));
            case MUSICBRAINZ_URL -> settings.find("musicbrainz.api-url").filter(u -> !u.isBlank()).map(io.mediahub.common.Urls::stripTrailingSlash)
                    .orElse("http://musicbrainz.invalid");
            default -> null;
        };
    }
}
