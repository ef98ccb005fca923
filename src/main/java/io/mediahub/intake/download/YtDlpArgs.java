package io.mediahub.intake.download;

import java.util.ArrayList;
import java.util.List;

/**
 * yt-dlp's argument list for one download, built from the job and the settings; pure. The URL always comes last,
 * after {@code --}, so text from a URL or a playlist can never be read as an option. Everything that could reach out
 * or change behaviour behind Mediahub's back is off: no configuration files ({@code --no-config}), no update check.
 * Progress comes as one {@code mediahub-progress} line per update ({@code --newline} with a template of raw numbers),
 * the info JSON as a {@code mediahub-info} line, the final path ({@code after_move:filepath}) as a
 * {@code mediahub-file} line. Output goes to {@code media.<ext>} in the job's staging folder, and {@code --continue}
 * resumes a partial file left by an earlier attempt.
 */
public final class YtDlpArgs {
    public static final String PROGRESS = "mediahub-progress ";
    public static final String INFO = "mediahub-info ";
    public static final String FILE = "mediahub-file ";
    /** The output name in the staging folder (the thumbnail becomes media.jpg beside it). */
    public static final String OUTPUT_STEM = "media";

    private YtDlpArgs() {
    }

    /**
     * @param playlistItem the entry of a playlist to take (1-based), or null for a single video
     * @param extra        extra arguments from the settings, placed before {@code --}
     */
    public static List<String> download(String url, boolean audioOnly, Integer playlistItem, String format, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("--no-config", "--no-update", "--newline", "--progress", "--no-colors", "--continue",
                "--progress-template", "download:" + PROGRESS
                        + "%(progress.downloaded_bytes)s %(progress.total_bytes)s %(progress.total_bytes_estimate)s %(progress.speed)s %(progress.eta)s",
                "--print", "video:" + INFO + "%()j",
                "--print", "after_move:" + FILE + "%(filepath)s",
                "--no-simulate",
                "--write-thumbnail", "--convert-thumbnails", "jpg",
                "-o", OUTPUT_STEM + ".%(ext)s"));
        if (playlistItem != null) {
            a.addAll(List.of("--yes-playlist", "--playlist-items", String.valueOf(playlistItem)));
        } else {
            a.add("--no-playlist");
        }
        if (audioOnly) {
            a.addAll(List.of("-f", "bestaudio/best", "--extract-audio"));
        } else {
            a.addAll(List.of("-f", format, "--merge-output-format", "mp4"));
        }
        a.addAll(extra);
        a.add("--");
        a.add(url);
        return a;
    }

    /** The entries of a playlist, as one JSON document, without downloading anything. */
    public static List<String> listPlaylist(String url, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("--no-config", "--no-update", "--no-colors", "--flat-playlist", "--yes-playlist",
                "--dump-single-json"));
        a.addAll(extra);
        a.add("--");
        a.add(url);
        return a;
    }
}
