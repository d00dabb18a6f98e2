package io.hubkit.spring.metrics;

import io.micrometer.observation.Observation;

/**
 * What the {@code Observation} of one hub method invocation carries: the hub, the method as the
 * client named it, whether it streams results, the caller's connection id and, once it ended, its
 * outcome. Created per invocation; read by {@link HubInvocationObservationConvention}s.
 */
public class HubInvocationObservationContext extends Observation.Context {

    /** How an invocation ended. */
    public enum Outcome {
        /** The method returned (or its stream completed). */
        SUCCESS,
        /** The method (or a filter, or its stream) failed. */
        ERROR,
        /** The invocation was cancelled: the client cancelled the stream, or the connection ended. */
        CANCELLED
    }

    private final String hubName;
    private final String methodName;
    private final boolean streaming;
    private final String connectionId;
    private volatile Outcome outcome;

    public HubInvocationObservationContext(String hubName, String methodName, boolean streaming, String connectionId) {
        this.hubName = hubName;
        this.methodName = methodName;
        this.streaming = streaming;
        this.connectionId = connectionId;
    }

    public String getHubName() {
        return hubName;
    }

    /** The method name as the client sent it. */
    public String getMethodName() {
        return methodName;
    }

    /** Whether the method streams its results (the observation then lasts as long as the stream). */
    public boolean isStreaming() {
        return streaming;
    }

    public String getConnectionId() {
        return connectionId;
    }

    /** How the invocation ended; {@code null} while it runs. */
    public Outcome getOutcome() {
        return outcome;
    }

    void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
