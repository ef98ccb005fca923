package io.mediahub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small real media made with ffmpeg for the tests: a few seconds of test pattern and tone, with tags. Tests that use
 * it say so with {@code @RequiresTool({"ffmpeg", "ffprobe"})}: they are skipped with a reason naming the tool when it
 * is absent, unless MEDIAHUB_REQUIRE_ALL=1 (CI), which makes the absence a failure.
 */
final class TestMedia {
    private TestMedia() {
    }

    /** A video of {@code seconds} at 64x48 with a tone of {@code hz} (different tones give different content). */
    static Path video(Path file, double seconds, int hz, Map<String, String> tags) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=size=64x48:rate=5:duration=" + seconds, "-f", "lavfi", "-i", "sine=frequency=" + hz + ":duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", "-shortest"));
        tags.forEach((k, v) -> cmd.addAll(List.of("-metadata", k + "=" + v)));
        return encode(cmd, file);
    }

    /** An audio file (mp3) with tags. */
    static Path audio(Path file, double seconds, int hz, Map<String, String> tags) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=" + hz + ":duration=" + seconds, "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "3"));
        tags.forEach((k, v) -> cmd.addAll(List.of("-metadata", k + "=" + v)));
        return encode(cmd, file);
    }

    /** ffmpeg writes to a plain temporary name (its own argument), then the file is renamed to whatever the test wants. */
    private static Path encode(List<String> cmd, Path file) throws Exception {
        String ext = LibraryNames.extension(file.getFileName().toString());
        Path tmp = Files.createTempFile(file.getParent(), ".media", ext.isEmpty() ? ".mkv" : ext);
        cmd.add(tmp.toString());
        ToolRunner.run(cmd, Duration.ofSeconds(60), Set.of(0));
        Files.move(tmp, file);
        return file;
    }

    /** Every regular file under {@code root}, relative and sorted (none when it does not exist): what a test expects to see. */
    static List<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Sets a file's time stamp into the past, so the settle time has passed without waiting. */
    static void settle(Path p) throws IOException {
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    }
}
