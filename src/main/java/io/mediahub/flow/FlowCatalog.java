package io.mediahub.flow;

import io.mediahub.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every flow Mediahub has, in the order the {@code flows} verb lists them, and whether each can run. */
public class FlowCatalog {
    private final Map<String, FlowDefinition> flows = new LinkedHashMap<>();
    private final Settings settings;
    private final Map<String, String> unavailable = new java.util.concurrent.ConcurrentHashMap<>();

    public FlowCatalog(Settings settings, List<FlowDefinition> definitions) {
        this.settings = settings;
        for (FlowDefinition d : definitions) {
            if (flows.put(d.id(), d) != null) {
                throw new IllegalStateException("Two flows are called " + d.id());
            }
        }
    }

    public List<FlowDefinition> all() {
        return List.copyOf(flows.values());
    }

    public List<String> ids() {
        return List.copyOf(flows.keySet());
    }

    public Optional<FlowDefinition> find(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    /** The first required setting without a value (as a property key), if any. */
    public Optional<String> missingSetting(FlowDefinition d) {
        return d.requiredSettings().stream().filter(k -> settings.find(k).isEmpty()).findFirst();
    }

    public boolean enabled(FlowDefinition d) {
        return missingSetting(d).isEmpty() && unavailableReason(d).isEmpty() && misconfiguration(d).isEmpty() && settings.getBoolean(enabledKey(d));
    }

    /**
     * Why the flow cannot be scheduled or run as configured, if a setting of its own (its schedule, its switch, a
     * setting it requires, the schedules' time zone) has a value that setting does not accept:
     * {@code EMBY_SYNC_LIBRARY_CRON is not a cron expression}. The process refuses to start then; {@code flows} shows it.
     */
    public Optional<String> misconfiguration(FlowDefinition d) {
        List<String> keys = new java.util.ArrayList<>(List.of(d.cronSetting(), enabledKey(d), "mediahub.schedule-timezone"));
        keys.addAll(d.requiredSettings());
        return keys.stream().filter(k -> settings.problem(k).isPresent()).findFirst()
                .map(k -> Settings.envName(k) + " is not " + settings.type(k).orElseThrow().noun());
    }

    /** Keeps a flow off the schedule for a reason other than a missing setting (shown by {@code flows}). */
    public void markUnavailable(String flowId, String reason) {
        unavailable.put(flowId, reason);
    }

    public Optional<String> unavailableReason(FlowDefinition d) {
        return Optional.ofNullable(unavailable.get(d.id()));
    }

    /** The cron expression, or empty when the flow is not scheduled. */
    public Optional<String> schedule(FlowDefinition d) {
        return settings.find(d.cronSetting());
    }

    public static String enabledKey(FlowDefinition d) {
        return d.cronSetting().replaceFirst("cron$", "enabled");
    }
}
