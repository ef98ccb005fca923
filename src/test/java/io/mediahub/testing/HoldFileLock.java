package io.mediahub.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process that holds a file lock, for tests of what another process's lock does: it takes an exclusive lock
 * on the file given, prints {@code locked}, and holds it until its standard input closes. {@link #start} runs it with
 * the test's own Java and class path.
 */
public final class HoldFileLock {
    private HoldFileLock() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            System.out.println(lock.isValid() ? "locked" : "not locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes the pipe
            }
        }
    }

    /** Starts the holder on {@code file} and returns once it holds the lock; close the process's input to release it. */
    public static Process start(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldFileLock.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] line = new byte[7];
        int n = p.getInputStream().readNBytes(line, 0, line.length);
        String said = new String(line, 0, n, StandardCharsets.UTF_8);
        if (!said.startsWith("locked")) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not take the lock on " + file + " (it said '" + said + "')");
        }
        return p;
    }
}
