package io.hubkit.core.connection;

import io.hubkit.core.protocol.HubMessage;

/**
 * The server's side of stateful reconnect for what it receives: counts the client's trackable
 * messages (numbered 1, 2, 3, … as the client numbers them), tells the receive loop which to
 * process, and which number to acknowledge next.
 *
 * <p>After a reconnect the client first sends a Sequence with the number of the first message it
 * sends again; until it arrives everything is dropped. A Sequence beyond what was received is a
 * protocol error. Messages numbered at or below the highest already processed are duplicates and
 * are dropped. Thread-safe (the receive loop and the heartbeat use it).
 */
final class InboundSequence {

    /** What the receive loop does with a message. */
    enum Verdict {
        /** Process it. */
        PROCESS,
        /** Drop it: a message sent again that was processed already, or anything before the Sequence. */
        DROP
    }

    private long next = 1;
    private long latest;
    private long acknowledged;
    private boolean waitingForSequence;

    /** Decides about {@code message} (not a Sequence: see {@link #reset}). */
    synchronized Verdict accept(HubMessage message) {
        if (waitingForSequence) {
            return Verdict.DROP;
        }
        if (!ReplayBuffer.isTrackable(message)) {
            return Verdict.PROCESS;
        }
        long id = next++;
        if (id <= latest) {
            return Verdict.DROP;
        }
        latest = id;
        return Verdict.PROCESS;
    }

    /**
     * The client's Sequence: its next message has number {@code sequenceId}. Returns the error text
     * when that is more than one past what was received, otherwise {@code null}.
     */
    synchronized String reset(long sequenceId) {
        if (sequenceId > next) {
            return "Sequence ID greater than amount of messages we've received.";
        }
        next = sequenceId;
        waitingForSequence = false;
        return null;
    }

    /** The transport was replaced: drop everything until the client's Sequence, and acknowledge again. */
    synchronized void reconnected() {
        waitingForSequence = true;
        acknowledged = 0;
    }

    /** The number to acknowledge now, or 0 when nothing new was received since the last Ack. */
    synchronized long ackDue() {
        if (latest > acknowledged) {
            acknowledged = latest;
            return latest;
        }
        return 0;
    }
}
