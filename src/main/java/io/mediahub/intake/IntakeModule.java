package io.mediahub.intake;

import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;

/** Media intake: the inbox (scan and, in the container, the watcher), the library scan, and the beans {@code identify} uses. */
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
        return Map.of("intakeScanInbox", new InboxIntake(c.settings(), c.store(), c.json(), c.clock()),
                "intakeScanLibrary", new LibraryScanner(c.settings(), c.store(), c.json(), c.clock()));
    }

    @Override
    public List<RoutesBuilder> routes(Context c) {
        if (!c.container() || !c.settings().getBoolean("intake.watch-enabled") || !c.settings().getBoolean("intake.scan-inbox-enabled")) {
            return List.of();
        }
        return List.of(new IntakeRoutes(new InboxWatcher(c.settings(), c.clock()), c.settings().getDuration("intake.watch-interval").toMillis()));
    }
}
