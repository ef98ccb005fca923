package io.mediahub.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool (ffprobe, mediainfo, fpcalc) as an argument list, never through a shell, with a time-out and a
 * checked exit value. Callers pass file paths as absolute paths, so a file name can never be read as an option.
 */
public final class ToolRunner {
    /** At most this much of a tool's output is kept (ffprobe's JSON for a file with many streams is well under it). */
    static final int MAX_OUTPUT = 8 * 1024 * 1024;

    /** What a tool printed. */
    public record Output(int exitCode, String stdout, String stderr) {
    }

    /** A tool failed: missing, timed out, or exited with an unexpected value. The message is one line. */
    public static final class ToolException extends Exception {
        private final boolean missing;

        ToolException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        /** The program is not installed (or not on the PATH). */
        public boolean missing() {
            return missing;
        }
    }

    /** Readers of the tools' output: their own threads, so stdout and stderr never wait on each other. */
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "intake-tool-output");
        t.setDaemon(true);
        return t;
    });

    private ToolRunner() {
    }

    public static Output run(List<String> command, Duration timeout, Set<Integer> okExitCodes) throws ToolException {
        String tool = command.get(0);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ToolException(tool + " cannot be started (" + e.getMessage() + "); is it installed?", true);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()), READERS);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()), READERS);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new ToolException(tool + " did not finish within " + timeout.toSeconds() + " s", false);
            }
            String stdout = new String(out.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            String stderr = new String(err.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
            int code = p.exitValue();
            if (!okExitCodes.contains(code)) {
                String why = lastLine(stderr);
                throw new ToolException(tool + " exited with " + code + (why.isEmpty() ? "" : ": " + why), false);
            }
            return new Output(code, stdout, stderr);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolException(tool + " was interrupted", false);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new ToolException(tool + ": its output could not be read (" + e.getMessage() + ")", false);
        }
    }

    private static byte[] drain(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(b)) >= 0) {
                if (buf.size() < MAX_OUTPUT) {
                    buf.write(b, 0, Math.min(n, MAX_OUTPUT - buf.size()));
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is what there is
        }
        return buf.toByteArray();
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        String l = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return l.length() > 300 ? l.substring(0, 300) + "…" : l;
    }

    /** Whether a program can be run at all (for tests that skip without it). */
    public static boolean available(String program) {
        try {
            run(List.of(program, "-version"), Duration.ofSeconds(20), Set.of(0, 1, 2, 3));
            return true;
        } catch (ToolException e) {
            return !e.missing();
        }
    }
}
