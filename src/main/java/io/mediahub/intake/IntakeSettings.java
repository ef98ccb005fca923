package io.mediahub.intake;

import io.mediahub.config.SettingException;
import io.mediahub.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The intake's settings, read once per run. {@link Music} holds the audio path's: fpcalc, AcoustID, MusicBrainz, the
 * Cover Art Archive and ffmpeg for the tags.
 */
public record IntakeSettings(Path inbox, Path library, long maxFileSize, Duration settleTime, Duration toolTimeout, String ffprobe,
                             String mediainfo, boolean artwork, String imageUrl, String tmdbToken, String tmdbUrl, String tmdbLanguage,
                             Music music) {

    /** The audio path's settings. The AcoustID key is a secret: it never reaches a log line, an error, a sidecar or an output. */
    public record Music(String fpcalc, String ffmpeg, boolean rewriteTags, String acoustidKey, String acoustidUrl, String musicbrainzUrl,
                        String musicbrainzContact, String coverArtUrl) {

        public boolean acoustidConfigured() {
            return acoustidKey != null && !acoustidKey.isBlank();
        }

        /** MusicBrainz is asked unless its URL is set empty; without a contact the User-Agent is just {@code Mediahub/<version>}. */
        public boolean musicbrainzConfigured() {
            return musicbrainzUrl != null && !musicbrainzUrl.isBlank();
        }

        public boolean musicbrainzContactSet() {
            return musicbrainzContact != null && !musicbrainzContact.isBlank();
        }

        @Override
        public String toString() {
            return "Music[fpcalc=" + fpcalc + ", ffmpeg=" + ffmpeg + ", rewriteTags=" + rewriteTags + ", acoustidKey="
                    + (acoustidConfigured() ? "(set)" : "(not set)") + ", acoustidUrl=" + acoustidUrl + ", musicbrainzUrl=" + musicbrainzUrl
                    + ", musicbrainzContact=" + musicbrainzContact + ", coverArtUrl=" + coverArtUrl + "]";
        }
    }

    public static IntakeSettings from(Settings s) {
        Path inbox = s.find("intake.inbox-dir").map(Path::of).orElse(s.dataDir().resolve("inbox"));
        Music music = new Music(s.get("intake.fpcalc"), s.get("intake.ffmpeg"), s.getBoolean("intake.rewrite-tags"),
                s.find("acoustid.api-key").orElse(null), s.get("acoustid.api-url"), s.find("musicbrainz.api-url").orElse(null),
                s.find("musicbrainz.contact").orElse(null), s.get("intake.coverart-url"));
        return new IntakeSettings(inbox.toAbsolutePath().normalize(), Path.of(s.get("mediahub.library-dir")).toAbsolutePath().normalize(),
                bytes(s.get("intake.max-file-size"), "intake.max-file-size"), s.getDuration("intake.settle-time"),
                s.getDuration("intake.tool-timeout"), s.get("intake.ffprobe"), s.get("intake.mediainfo"), s.getBoolean("intake.artwork"),
                s.get("intake.tmdb-image-url"), s.find("tmdb.read-access-token").orElse(null), s.get("tmdb.api-url"), s.get("tmdb.language"),
                music);
    }

    @Override
    public String toString() {
        return "IntakeSettings[inbox=" + inbox + ", library=" + library + ", tmdbToken=" + (tmdbConfigured() ? "(set)" : "(not set)")
                + ", " + music + "]";
    }

    public Path failed() {
        return inbox.resolve(".failed");
    }

    public boolean tmdbConfigured() {
        return tmdbToken != null && !tmdbToken.isBlank();
    }

    /** {@code 1048576}, {@code 512M}, {@code 100G}, {@code 1T} (binary multiples). */
    static long bytes(String v, String key) {
        String t = v.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        long mult = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            mult = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SettingException("Setting " + key + " (" + Settings.envName(key) + ") must be a size such as 4G or 500M, not '" + v + "'");
        }
    }
}
