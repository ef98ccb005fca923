package io.mediahub.arr;

/** A custom format a file matched, with its score in the file's quality profile. */
public record FormatScore(String name, int score) {

    /** {@code Name (+N)} or {@code Name (-M)}, as the *Arr score exporter's Custom_Formats column. */
    public String label() {
        return name + " (" + (score >= 0 ? "+" : "") + score + ")";
    }
}
