package io.mediahub.config;

import java.util.Locale;
import org.quartz.CronExpression;

/**
 * Schedules as users write them: Quartz cron ({@code 0 0 3 * * ?}), five-field Unix cron ({@code 0 3 * * *}) or
 * {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}. Returns the Quartz form, or throws with a clear message.
 */
public final class CronSchedules {
    private CronSchedules() {
    }

    public static String toQuartz(String setting, String expression) {
        String e = expression.trim();
        String q = switch (e.toLowerCase(Locale.ROOT)) {
            case "@hourly" -> "0 0 * * * ?";
            case "@daily", "@midnight" -> "0 0 0 * * ?";
            case "@weekly" -> "0 0 0 ? * SUN";
            case "@monthly" -> "0 0 0 1 * ?";
            default -> fromFields(e);
        };
        if (!CronExpression.isValidExpression(q)) {
            throw new IllegalArgumentException(setting + " is not a valid schedule: '" + expression
                    + "' (use Quartz cron such as '0 0 3 * * ?', Unix cron such as '0 3 * * *', or @daily)");
        }
        return q;
    }

    /** Unix counts days 0-7 from Sunday (0 and 7 both Sunday); Quartz counts 1-7 from Sunday. Names pass unchanged. */
    static String unixDaysToQuartz(String dow) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![/#])\\b([0-7])\\b").matcher(dow);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, String.valueOf(Integer.parseInt(m.group(1)) % 7 + 1));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String fromFields(String e) {
        String[] f = e.split("\\s+");
        if (f.length != 5) {
            return e;
        }
        String dom = f[2];
        String dow = unixDaysToQuartz(f[4]);
        if ("*".equals(dow)) {
            dow = "?";
        } else if ("*".equals(dom)) {
            dom = "?";
        }
        return "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
    }
}
