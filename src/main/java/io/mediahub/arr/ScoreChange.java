package io.mediahub.arr;

/**
 * What changed for one item since the service's previous run.
 *
 * @param type   new_file | improved | degraded | removed
 * @param reason for removed: {@code replaced} (an upgrade or downgrade brought a new file) or {@code deleted} (gone from the service)
 */
public record ScoreChange(String itemKey, long fileId, String title, String type, String reason, Integer previousScore, Integer score,
                          String changedAt) {
    public static final String NEW_FILE = "new_file";
    public static final String IMPROVED = "improved";
    public static final String DEGRADED = "degraded";
    public static final String REMOVED = "removed";
}
