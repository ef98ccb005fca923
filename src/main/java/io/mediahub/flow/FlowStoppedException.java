package io.mediahub.flow;

/** A flow gave up between batches because the application is stopping; what it had not committed is rolled back. */
public class FlowStoppedException extends RuntimeException {
    public FlowStoppedException(String message) {
        super(message);
    }
}
