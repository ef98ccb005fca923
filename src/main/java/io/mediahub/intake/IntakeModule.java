package io.mediahub.intake;

import io.mediahub.common.HttpService;
import io.mediahub.common.ServiceFailures;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import io.mediahub.intake.download.DownloadBeans;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;

/**
 * Media intake: the inbox (scan and, in the container, the watcher), the library scan, the beans {@code identify} uses, and
 * downloads (yt-dlp jobs, filed like drops; {@link DownloadBeans}).
 */
public final class IntakeModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "intake";
    }

    @Override
    public List<FlowDefinition> flows() {
        return IntakeFlows.ALL;
    }

    @Override
    public Map<String, Object> beans(Context c) {
        Settings s = c.settings();
        IntakeCalls calls = calls(c);
        // MusicBrainz asks every client for a User-Agent with a contact; read from the settings on each call.
        HttpService musicbrainz = new HttpService(new ServiceFailures("MusicBrainz", io.mediahub.common.Urls.stripTrailingSlash(s.get("musicbrainz.api-url", "")),
                "MUSICBRAINZ_API_URL", "MUSICBRAINZ_CONTACT"),
                () -> Map.of("User-Agent", MusicBrainzClient.userAgent(s.find("musicbrainz.contact").orElse(null))));
        // AcoustID's key travels in the form body (AcoustIdClient), never in a header, a URI or a property.
        HttpService acoustid = new HttpService(new ServiceFailures("AcoustID", io.mediahub.common.Urls.stripTrailingSlash(s.get("acoustid.api-url")),
                "ACOUSTID_API_URL", "ACOUSTID_API_KEY"), () -> Map.of("Content-Type", "application/x-www-form-urlencoded"));
        Map<String, Object> beans = new java.util.HashMap<>(Map.of("intakeCalls", calls,
                "intakeProperties", new IntakeProperties(s),
                "musicbrainzApi", musicbrainz,
                "acoustidApi", acoustid,
                "intakeArtwork", new ArtworkDownload(new CoverArtRedirects(s.get("intake.coverart-url"))),
                "intakeScanInbox", new InboxIntake(s, c.store(), c.json(), c.clock(), calls),
                "intakeScanLibrary", new LibraryScanner(s, c.store(), c.json(), c.clock())));
        beans.putAll(DownloadBeans.of(c, downloadSettings(c)));
        return beans;
    }

    /** The one {@link IntakeCalls} of an application (beans and routes are asked for with the same context). */
    private final Map<Context, IntakeCalls> calls = new java.util.concurrent.ConcurrentHashMap<>();

    private IntakeCalls calls(Context c) {
        return calls.computeIfAbsent(c, k -> new IntakeCalls());
    }

    @Override
    public List<RoutesBuilder> routes(Context c) {
        List<RoutesBuilder> routes = new java.util.ArrayList<>(DownloadBeans.routes(c, downloadSettings(c)));
        routes.add(calls(c).contextBinding());
        if (!c.container() || !c.settings().getBoolean("intake.watch-enabled") || !c.settings().getBoolean("intake.scan-inbox-enabled")) {
            return routes;
        }
        routes.add(new IntakeRoutes(new InboxWatcher(c.settings(), c.clock()), c.settings().getDuration("intake.watch-interval").toMillis()));
        return routes;
    }

    private static io.mediahub.intake.download.DownloadSettings downloadSettings(Context c) {
        IntakeSettings s = IntakeSettings.from(c.settings());
        return io.mediahub.intake.download.DownloadSettings.from(c.settings(), s.library(), s.inbox());
    }
}
