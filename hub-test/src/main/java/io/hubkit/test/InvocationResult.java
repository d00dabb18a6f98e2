package io.hubkit.test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.NullNode;
import io.hubkit.core.protocol.CompletionMessage;

/**
 * The answer to one invocation, checked when the test asks: each {@code expect…} method waits for
 * the Completion (up to the client's timeout) and fails with an {@link AssertionError} when the
 * answer is not the expected kind. The Completion is taken by the first expectation.
 */
public final class InvocationResult {

    private final HubTestConnection connection;
    private final String method;
    private final String invocationId;
    private CompletionMessage completion;

    InvocationResult(HubTestConnection connection, String method, String invocationId) {
        this.connection = connection;
        this.method = method;
        this.invocationId = invocationId;
    }

    /** Expects a successful answer and binds its result to {@code type}. */
    public <T> ValueAssert<T> expectResult(Class<T> type) {
        return new ValueAssert<>(what(), connection.payloads().bind(successfulResult(), type, what()));
    }

    /** Expects a successful answer and binds its result to a generic type, e.g. {@code new TypeReference<List<Room>>() {}}. */
    public <T> ValueAssert<T> expectResult(TypeReference<T> type) {
        return new ValueAssert<>(what(), connection.payloads().bind(successfulResult(), type, what()));
    }

    /** Expects a successful answer without a value (a {@code void} method, or {@code null}). */
    public void expectEmptyResult() {
        Object result = successfulResult();
        if (result != null && !(result instanceof NullNode)) {
            throw connection.inbox().failure(what() + ": expected no result but got " + result);
        }
    }

    /** Expects an error answer. */
    public ErrorAssert expectError() {
        CompletionMessage answer = completion();
        if (answer.error() == null) {
            throw connection.inbox().failure(what() + ": expected an error but it returned " + answer.result());
        }
        return new ErrorAssert(what(), answer.error());
    }

    /** Expects a successful answer and returns its result bound to {@code type}. */
    public <T> T returnResult(Class<T> type) {
        return expectResult(type).value();
    }

    private Object successfulResult() {
        CompletionMessage answer = completion();
        if (answer.error() != null) {
            throw connection.inbox().failure(what() + ": expected a result but it failed with <" + answer.error() + ">");
        }
        return answer.result();
    }

    private synchronized CompletionMessage completion() {
        if (completion == null) {
            completion = connection.inbox().await("the answer to " + what(), connection.timeout(),
                    () -> connection.inbox().takeCompletion(invocationId));
        }
        return completion;
    }

    private String what() {
        return "invocation " + invocationId + " of '" + method + "'";
    }
}
