package io.mediahub.flow;

import java.util.List;

/**
 * One flow as users see it: an id (also its route id and its {@code direct:} endpoint), what it does, the settings
 * it cannot run without, and the setting that holds its cron schedule.
 *
 * @param requiredSettings property keys (for example {@code emby.url}); a flow missing any of them is disabled
 * @param cronSetting      property key of its Quartz cron expression; blank value = not scheduled
 */
public record FlowDefinition(String id, String description, List<String> requiredSettings, String cronSetting) {

    public String endpoint() {
        return "direct:" + id;
    }
}
