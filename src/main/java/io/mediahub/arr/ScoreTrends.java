package io.mediahub.arr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Improvements and degradations over time (the *Arr score exporter's historical trends): weekly ({@code %Y-W%U}, weeks starting
 * Sunday) and monthly counts, 4-week velocities (the last four week keys / 4), pattern labels and the 30-day net change.
 * An improvement is an {@code improved} change or a replacement by a higher-scoring file; a degradation the opposite.
 */
public record ScoreTrends(Map<String, int[]> weekly, Map<String, int[]> monthly, double improvementVelocity, double degradationVelocity,
                          List<String> patterns, int improvements, int degradations, int netChange30Days) {

    public static ScoreTrends of(Collection<ScoreChange> changes, Instant now) {
        Map<String, int[]> weekly = new TreeMap<>();
        Map<String, int[]> monthly = new TreeMap<>();
        int up = 0;
        int down = 0;
        int net30 = 0;
        Instant since30 = now.minusSeconds(30L * 86400);
        for (ScoreChange c : changes) {
            int dir = direction(c);
            if (dir == 0) {
                continue;
            }
            Instant at = Instant.parse(c.changedAt());
            LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
            int slot = dir > 0 ? 0 : 1;
            weekly.computeIfAbsent(weekKey(d), k -> new int[2])[slot]++;
            monthly.computeIfAbsent(String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue()), k -> new int[2])[slot]++;
            if (dir > 0) {
                up++;
            } else {
                down++;
            }
            if (!at.isBefore(since30)) {
                net30 += dir;
            }
        }
        List<String> keys = new ArrayList<>(weekly.keySet());
        List<String> last4 = keys.subList(Math.max(0, keys.size() - 4), keys.size());
        double vUp = last4.stream().mapToInt(k -> weekly.get(k)[0]).sum() / 4.0;
        double vDown = last4.stream().mapToInt(k -> weekly.get(k)[1]).sum() / 4.0;
        return new ScoreTrends(weekly, monthly, vUp, vDown, patterns(vUp, vDown, up, down), up, down, net30);
    }

    /** +1 improvement, −1 degradation, 0 neither. */
    static int direction(ScoreChange c) {
        if (ScoreChange.IMPROVED.equals(c.type())) {
            return 1;
        }
        if (ScoreChange.DEGRADED.equals(c.type())) {
            return -1;
        }
        if (ScoreChange.NEW_FILE.equals(c.type()) && c.previousScore() != null && c.score() != null) {
            return Integer.compare(c.score(), c.previousScore());
        }
        return 0;
    }

    static List<String> patterns(double vUp, double vDown, int up, int down) {
        List<String> p = new ArrayList<>();
        if (vUp > 0 && vUp >= 2 * vDown) {
            p.add("Strong positive trend");
        }
        if (vDown > 0 && vDown >= 2 * vUp) {
            p.add("Concerning trend");
        }
        if (up > 0 && down == 0) {
            p.add("Perfect optimization");
        }
        if (Math.abs(vUp - vDown) < 0.5) {
            p.add("Stable");
        }
        return p;
    }

    /** strftime {@code %Y-W%U}: week of the year, Sunday first, days before the first Sunday in week 00. */
    public static String weekKey(LocalDate d) {
        int yday = d.getDayOfYear() - 1;
        int wday = d.getDayOfWeek().getValue() % 7;
        return String.format(Locale.ROOT, "%d-W%02d", d.getYear(), (yday + 7 - wday) / 7);
    }

    public boolean isEmpty() {
        return improvements == 0 && degradations == 0;
    }
}
