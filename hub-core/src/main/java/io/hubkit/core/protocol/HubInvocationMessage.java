package io.hubkit.core.protocol;

import java.util.Map;

/**
 * A message that belongs to an invocation and may carry headers: Invocation, StreamInvocation,
 * StreamItem, Completion, CancelInvocation, and the two binding-failure results of parsing.
 * These are the messages numbered by stateful reconnect.
 */
public sealed interface HubInvocationMessage extends HubMessage
        permits InvocationMessage, StreamInvocationMessage, StreamItemMessage, CompletionMessage,
        CancelInvocationMessage, InvocationBindingFailureMessage, StreamBindingFailureMessage {

    /** The invocation id, or {@code null} for a non-blocking invocation. */
    String invocationId();

    /** Headers in wire order (never {@code null}; empty when the message had none). */
    Map<String, String> headers();
}
