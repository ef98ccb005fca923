package io.mediahub.config;

/** Levenshtein distance, for "did you mean" suggestions (setting names here, item and user names in the CLI). */
public final class EditDistance {
    private EditDistance() {
    }

    /** The number of single-character edits from {@code a} to {@code b}, giving up (returning max) beyond {@code max}. */
    public static int between(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }
}
