package io.mediahub.common;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecResult;

/**
 * camel-exec's {@code commandExecutor} for tools whose progress must be seen while they run (yt-dlp, HandBrakeCLI).
 *
 * <p>Why not camel-exec's own executor: in Camel 4.14 {@code DefaultExecCommandExecutor} collects stdout and stderr in
 * memory and hands them over only when the process has ended, so a download's progress would appear all at once at
 * the end, a stalled transfer could not be noticed, and a cancelled job could not stop its tool. This executor runs the
 * same command (the endpoint's executable, the {@code CamelExecCommandArgs} list as given, no shell, the working
 * folder) and hands every line of stdout and stderr, as it arrives, to the {@link Listener} registered for the
 * command's working folder; four times a second it asks the listener whether to stop the tool (a stall, a cancel) and
 * enforces the endpoint's {@code timeout}. A stopped tool and its children are killed and the listener is told why.
 * The result carries the exit value and only the last {@value #TAIL} lines of each stream (never the whole progress
 * output). Like camel-exec's executor it never throws for an exit value: the route checks it.
 */
public class LineStreamingExecutor implements ExecCommandExecutor {
    static final int TAIL = 200;

    /** What a route learns from one run of a tool. */
    public interface Listener {
        /** One line of stdout ({@code stderr} false) or stderr, as it arrives (called from two reader threads). */
        void line(String line, boolean stderr);

        /** Asked four times a second: a reason to stop the tool now, or null. */
        default String stopReason() {
            return null;
        }

        /** The tool was stopped, for this reason (a stop reason, or the time-out). */
        default void stopped(String reason) {
        }
    }

    private static final Listener NONE = (line, stderr) -> { };
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    /** Registers the listener of the run whose working folder is {@code workingDir} (one run per folder at a time). */
    public void listen(String workingDir, Listener listener) {
        listeners.put(workingDir, listener);
    }

    public void forget(String workingDir) {
        listeners.remove(workingDir);
    }

    @Override
    public ExecResult execute(ExecCommand command) throws IOException {
        Listener listener = command.getWorkingDir() == null ? NONE : listeners.getOrDefault(command.getWorkingDir(), NONE);
        List<String> cmd = new ArrayList<>();
        cmd.add(command.getExecutable());
        cmd.addAll(command.getArgs());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (command.getWorkingDir() != null) {
            pb.directory(new File(command.getWorkingDir()));
        }
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            InputStream in = command.getInput();
            if (in != null) {
                in.transferTo(stdin);
            }
        } catch (IOException e) {
            // the tool does not read its input: nothing to do
        }
        Deque<String> out = new ArrayDeque<>();
        Deque<String> err = new ArrayDeque<>();
        Thread outReader = reader(p.getInputStream(), out, false, listener, command.getExecutable());
        Thread errReader = reader(p.getErrorStream(), err, true, listener, command.getExecutable());
        long deadline = command.getTimeout() > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(command.getTimeout()) : Long.MAX_VALUE;
        try {
            while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
                String reason = System.nanoTime() > deadline ? "timed out after " + command.getTimeout() / 1000 + " s" : listener.stopReason();
                if (reason != null) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    listener.stopped(reason);
                    break;
                }
            }
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            listener.stopped("interrupted");
        }
        int exit = p.isAlive() ? -1 : p.exitValue();
        return new ExecResult(command, text(out), text(err), exit);
    }

    private static Thread reader(InputStream s, Deque<String> tail, boolean stderr, Listener listener, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    listener.line(line, stderr);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > TAIL) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the stream closed with the process
            }
        }, name + (stderr ? "-stderr" : "-stdout"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static InputStream text(Deque<String> tail) {
        synchronized (tail) {
            return new ByteArrayInputStream(String.join("\n", tail).getBytes(StandardCharsets.UTF_8));
        }
    }
}
