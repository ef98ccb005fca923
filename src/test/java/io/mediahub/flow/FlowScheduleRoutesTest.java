package io.mediahub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahub.config.SettingException;
import org.junit.jupiter.api.Test;

class FlowScheduleRoutesTest {
    @Test
    void theZoneIsValidatedAndPassedAsAnIdQuartzKnowsEncoded() {
        assertThat(FlowScheduleRoutes.quartzTimeZone("Europe/Paris")).isEqualTo("Europe/Paris");
        // TimeZone reads "+02:00" as GMT without a word; the id it knows is GMT+02:00.
        assertThat(FlowScheduleRoutes.quartzTimeZone("+02:00")).isEqualTo("GMT+02:00");
        assertThat(FlowScheduleRoutes.quartzTimeZone(" ")).isEmpty();
        assertThatThrownBy(() -> FlowScheduleRoutes.quartzTimeZone("Mars/Olympus&trigger.misfireInstruction=2"))
                .isInstanceOf(SettingException.class).hasMessage("MEDIAHUB_SCHEDULE_TIMEZONE must be a time zone such as Europe/Paris, UTC or +02:00");
        assertThat(FlowScheduleRoutes.triggerUri("emby-sync-library", "0 0 3 * * ?", "GMT+02:00"))
                .isEqualTo("quartz:mediahub/emby-sync-library?cron=0%200%203%20*%20*%20%3F&trigger.timeZone=GMT%2B02%3A00");
        assertThat(FlowScheduleRoutes.triggerUri("x-y-z", "0 0 3 * * ?", "")).isEqualTo("quartz:mediahub/x-y-z?cron=0%200%203%20*%20*%20%3F");
    }
}
