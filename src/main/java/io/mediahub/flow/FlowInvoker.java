package io.mediahub.flow;

/** Sends a run request to a flow's endpoint and waits for its result (the application wires this to Camel). */
@FunctionalInterface
public interface FlowInvoker {
    FlowResult invoke(String endpoint, FlowRequest request);
}
