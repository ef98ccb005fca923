package io.mediahub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronSchedulesTest {
    @Test
    void acceptsQuartzUnixAndShorthands() {
        assertThat(CronSchedules.toQuartz("k", "0 0 3 * * ?")).isEqualTo("0 0 3 * * ?");
        assertThat(CronSchedules.toQuartz("k", "30 3 * * *")).isEqualTo("0 30 3 * * ?");
        // Unix numbers days from Sunday = 0 (or 7); Quartz from Sunday = 1.
        assertThat(CronSchedules.toQuartz("k", "0 4 * * 1")).isEqualTo("0 0 4 ? * 2");
        assertThat(CronSchedules.toQuartz("k", "0 4 * * 0")).isEqualTo("0 0 4 ? * 1");
        assertThat(CronSchedules.toQuartz("k", "0 4 * * 7")).isEqualTo("0 0 4 ? * 1");
        assertThat(CronSchedules.toQuartz("k", "0 4 * * 1-5")).isEqualTo("0 0 4 ? * 2-6");
        assertThat(CronSchedules.toQuartz("k", "0 4 * * MON,FRI")).isEqualTo("0 0 4 ? * MON,FRI");
        assertThat(CronSchedules.toQuartz("k", "@daily")).isEqualTo("0 0 0 * * ?");
    }

    @Test
    void aBadScheduleNamesTheSetting() {
        assertThatThrownBy(() -> CronSchedules.toQuartz("emby.sync-library-cron", "every night"))
                .hasMessageStartingWith("emby.sync-library-cron is not a valid schedule: 'every night'");
    }
}
