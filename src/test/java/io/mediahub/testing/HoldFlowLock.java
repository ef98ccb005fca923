package io.mediahub.testing;

import io.mediahub.flow.FlowLocks;
import io.mediahub.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A second process that holds a flow's lock in the store, for tests of what another process's lock does: it opens
 * the store of the data folder given, takes the flow's row in {@code flow_locks} as instance {@code other-process},
 * prints {@code locked}, and holds it until its standard input closes. {@link #start} runs it with the test's own
 * Java and class path.
 */
public final class HoldFlowLock {
    private HoldFlowLock() {
    }

    public static void main(String[] args) throws IOException {
        try (Store store = Store.open(TestApp.settings(Path.of(args[0]), Map.of()));
             FlowLocks locks = new FlowLocks(store, "other-process", Duration.ofSeconds(60), Clock.systemUTC())) {
            var held = locks.tryTake(args[1]);
            System.out.println(held.isPresent() ? "locked" : "not locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes the pipe
            }
            held.ifPresent(FlowLocks.Held::close);
        }
    }

    /** Starts the holder on the store of {@code dataDir} and returns once it holds {@code flowId}'s lock; close the process's input to release it. */
    public static Process start(Path dataDir, String flowId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldFlowLock.class.getName(),
                dataDir.toString(), flowId).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] line = new byte[7];
        int n = p.getInputStream().readNBytes(line, 0, line.length);
        String said = new String(line, 0, n, StandardCharsets.UTF_8);
        if (!said.startsWith("locked")) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not take " + flowId + "'s lock (it said '" + said + "')");
        }
        return p;
    }
}
