package io.mediahub.arr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a run's files with the previous run's, item by item. A new file id for the same movie or episode is the old
 * file {@code removed} (reason {@code replaced}) and the new one a {@code new_file}; the same file with another score is
 * {@code improved} or {@code degraded}; an item the service no longer lists is {@code removed} (reason {@code deleted}).
 */
public final class ScoreChangeDetector {
    private ScoreChangeDetector() {
    }

    public static List<ScoreChange> detect(Map<String, ArrFile> previous, Map<String, ArrFile> current, String at) {
        List<ScoreChange> out = new ArrayList<>();
        for (ArrFile c : current.values()) {
            ArrFile p = previous.get(c.itemKey());
            if (p == null) {
                out.add(new ScoreChange(c.itemKey(), c.fileId(), c.displayTitle(), ScoreChange.NEW_FILE, null, null, c.totalScore(), at));
            } else if (p.fileId() != c.fileId()) {
                out.add(new ScoreChange(p.itemKey(), p.fileId(), p.displayTitle(), ScoreChange.REMOVED, "replaced", p.totalScore(), null, at));
                out.add(new ScoreChange(c.itemKey(), c.fileId(), c.displayTitle(), ScoreChange.NEW_FILE, null, p.totalScore(), c.totalScore(), at));
            } else if (c.totalScore() > p.totalScore()) {
                out.add(new ScoreChange(c.itemKey(), c.fileId(), c.displayTitle(), ScoreChange.IMPROVED, null, p.totalScore(), c.totalScore(), at));
            } else if (c.totalScore() < p.totalScore()) {
                out.add(new ScoreChange(c.itemKey(), c.fileId(), c.displayTitle(), ScoreChange.DEGRADED, null, p.totalScore(), c.totalScore(), at));
            }
        }
        for (ArrFile p : previous.values()) {
            if (!current.containsKey(p.itemKey())) {
                out.add(new ScoreChange(p.itemKey(), p.fileId(), p.displayTitle(), ScoreChange.REMOVED, "deleted", p.totalScore(), null, at));
            }
        }
        return out;
    }
}
