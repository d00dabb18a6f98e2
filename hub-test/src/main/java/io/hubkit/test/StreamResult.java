package io.hubkit.test;

import io.hubkit.core.protocol.CompletionMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One server-to-client stream, read when the test asks: item by item ({@link #expectNext}), all the
 * rest until it completes ({@link #expectItems}), or its failure ({@link #expectError}). A test may
 * {@link #cancel} an endless stream. Each expectation waits up to the client's timeout.
 */
public final class StreamResult {

    private final HubTestConnection connection;
    private final String method;
    private final String invocationId;
    private CompletionMessage completion;

    StreamResult(HubTestConnection connection, String method, String invocationId) {
        this.connection = connection;
        this.method = method;
        this.invocationId = invocationId;
    }

    /** The next item, bound to {@code type}; fails if the stream ends first. */
    public <T> ValueAssert<T> expectNext(Class<T> type) {
        Inbox inbox = connection.inbox();
        Object item = inbox.await("the next item of " + what(), connection.timeout(), () -> {
            Object next = inbox.takeItem(invocationId);
            if (next == null && inbox.hasCompletion(invocationId)) {
                throw inbox.failure(what() + " ended before another item arrived");
            }
            return next;
        });
        return new ValueAssert<>(what() + " item", connection.payloads().bind(item, type, what()));
    }

    /** Every remaining item, bound to {@code type}, once the stream completed without error. */
    public <T> ListAssert<T> expectItems(Class<T> type) {
        CompletionMessage end = completion();
        if (end.error() != null) {
            throw connection.inbox().failure(what() + ": expected it to complete but it failed with <" + end.error() + ">");
        }
        List<T> items = new ArrayList<>();
        for (Object item : connection.inbox().takeItems(invocationId)) {
            items.add(connection.payloads().bind(item, type, what()));
        }
        return new ListAssert<>(what() + " items", items);
    }

    /** Expects the stream to complete without error, ignoring the items not taken. */
    public void expectComplete() {
        expectItems(Object.class);
    }

    /** Expects the stream to fail. */
    public ErrorAssert expectError() {
        CompletionMessage end = completion();
        if (end.error() == null) {
            throw connection.inbox().failure(what() + ": expected an error but it completed");
        }
        return new ErrorAssert(what(), end.error());
    }

    /** Cancels the stream, as a client unsubscribing does, and waits for the server to end it. */
    public void cancel() {
        connection.cancel(invocationId);
        completion();
    }

    private synchronized CompletionMessage completion() {
        if (completion == null) {
            completion = connection.inbox().await("the end of " + what(), connection.timeout(),
                    () -> connection.inbox().takeCompletion(invocationId));
        }
        return completion;
    }

    private String what() {
        return "stream " + invocationId + " of '" + method + "'";
    }
}
