package io.mediahub.intake;

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
        Map<String, Object> beans = new java.util.HashMap<>(Map.of("intakeScanInbox", new InboxIntake(c.settings(), c.store(), c.json(), c.clock()),
                "intakeScanLibrary", new LibraryScanner(c.settings(), c.store(), c.json(), c.clock())));
        beans.putAll(DownloadBeans.of(c, downloadSettings(c)));
        return beans;
    }

    @Override
    public List<RoutesBuilder> routes(Context c) {
        List<RoutesBuilder> routes = new java.util.ArrayList<>(DownloadBeans.routes(c, downloadSettings(c)));
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
