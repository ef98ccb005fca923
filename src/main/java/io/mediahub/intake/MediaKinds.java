package io.mediahub.intake;

import java.util.Locale;
import java.util.Set;

/** Which files the intake takes, by extension, and which it leaves alone. Pure. */
public final class MediaKinds {
    public static final Set<String> VIDEO = Set.of(".mkv", ".mp4", ".m4v", ".avi", ".mov", ".wmv", ".mpg", ".mpeg", ".ts", ".m2ts",
            ".webm", ".flv", ".ogv", ".vob", ".divx", ".3gp");
    public static final Set<String> AUDIO = Set.of(".mp3", ".flac", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".wma", ".alac",
            ".aiff", ".aif", ".ape", ".wv");
    public static final Set<String> SUBTITLE = Set.of(".srt", ".ass", ".ssa", ".sub", ".idx", ".vtt", ".sup", ".smi");
    public static final Set<String> IMAGE = Set.of(".jpg", ".jpeg", ".png", ".webp", ".tbn");
    /** Downloads in progress (browsers, torrent and download clients) and our own staging files. */
    private static final Set<String> PARTIAL = Set.of(".part", ".crdownload", ".!qb", ".!ut", ".!bt", ".partial", ".download", ".tmp",
            ".temp", ".filepart", ".aria2", ".opdownload", ".dlpart", FileMover.STAGING_SUFFIX);

    private MediaKinds() {
    }

    static String ext(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    public static boolean isVideo(String name) {
        return VIDEO.contains(ext(name));
    }

    public static boolean isAudio(String name) {
        return AUDIO.contains(ext(name));
    }

    public static boolean isSubtitle(String name) {
        return SUBTITLE.contains(ext(name));
    }

    public static boolean isImage(String name) {
        return IMAGE.contains(ext(name));
    }

    /** Hidden files and downloads still in progress: never touched. */
    public static boolean leaveAlone(String name) {
        return name.startsWith(".") || PARTIAL.contains(ext(name)) || name.endsWith("~");
    }

    /** The inbox's {@code urls/} folder: URL lists for downloads, never filed by the intake. */
    public static final String URLS_FOLDER = "urls";

    /** An entry at the top of the inbox the intake leaves to another flow (the {@code urls/} folder of downloads). */
    public static boolean notForIntake(String topLevelName) {
        return URLS_FOLDER.equals(topLevelName);
    }

    /** A release's sample clip (a file or folder called sample): not filed. */
    public static boolean isSample(String relativePath) {
        return relativePath.toLowerCase(Locale.ROOT).matches("(?s)(.*[/ ._\\-\\[(])?sample([/ ._\\-\\])].*)?");
    }
}
