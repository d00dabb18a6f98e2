package io.hubkit.core.connection;

import io.hubkit.core.protocol.CancelInvocationMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's side of stateful reconnect for what it sends: every trackable message (Invocation,
 * StreamItem, Completion, StreamInvocation, CancelInvocation) gets the next number, 1, 2, 3, …, and
 * its encoded bytes are kept until the client acknowledges that number. After a reconnect the
 * unacknowledged messages are sent again, in order, behind a Sequence naming the first of them.
 *
 * <p>Bounded: once the kept bytes reach the limit, {@link #hasRoom()} turns false and the
 * connection's outbound queue stops writing until an Ack frees room (its own bound then applies).
 * Pings, Close, Ack and Sequence are never numbered or kept. Thread-safe (the outbound drain loop
 * records, the receive loop acknowledges).
 */
final class ReplayBuffer {

    /** What to send again after a reconnect: the number of the first message, and the messages. */
    record Replay(long firstSequenceId, List<byte[]> messages) {
    }

    private record Entry(long sequenceId, byte[] bytes) {
    }

    private final long limitBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long sent;
    private long bufferedBytes;

    ReplayBuffer(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("limitBytes must be positive: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** Whether {@code message} is numbered and kept (the same rule as the official clients and server). */
    static boolean isTrackable(HubMessage message) {
        return message instanceof InvocationMessage || message instanceof StreamItemMessage
                || message instanceof CompletionMessage || message instanceof StreamInvocationMessage
                || message instanceof CancelInvocationMessage;
    }

    /** Numbers and keeps {@code message} if it is trackable; returns its number, or 0. */
    synchronized long record(HubMessage message, byte[] encoded) {
        if (!isTrackable(message)) {
            return 0;
        }
        sent++;
        entries.addLast(new Entry(sent, encoded));
        bufferedBytes += encoded.length;
        return sent;
    }

    /** Whether more messages may be written before the client acknowledges some. */
    synchronized boolean hasRoom() {
        return bufferedBytes < limitBytes;
    }

    /** The client has every message up to {@code sequenceId}; returns whether that freed anything. */
    synchronized boolean ack(long sequenceId) {
        boolean freed = false;
        while (!entries.isEmpty() && entries.peekFirst().sequenceId() <= sequenceId) {
            bufferedBytes -= entries.removeFirst().bytes().length;
            freed = true;
        }
        return freed;
    }

    /** The unacknowledged messages, and the number of the first (or of the next message when none is kept). */
    synchronized Replay unacknowledged() {
        List<byte[]> messages = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            messages.add(entry.bytes());
        }
        long first = entries.isEmpty() ? sent + 1 : entries.peekFirst().sequenceId();
        return new Replay(first, messages);
    }

    /** How many bytes are kept (for tests and metrics). */
    synchronized long bufferedBytes() {
        return bufferedBytes;
    }
}
