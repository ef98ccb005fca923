package io.mediahub.flow;

/** A flow ended without doing its job (an incomplete listing, a missing plugin); its message is the one-line reason. */
public class FlowFailedException extends RuntimeException {
    private final transient FlowResult partialResult;

    public FlowFailedException(String message, FlowResult partialResult) {
        super(message);
        this.partialResult = partialResult;
    }

    public FlowResult partialResult() {
        return partialResult;
    }
}
