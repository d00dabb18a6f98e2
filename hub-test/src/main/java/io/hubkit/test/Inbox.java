package io.hubkit.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one connection received, decoded with hub-core's JSON protocol, and the waiting for it: the
 * handshake answer, completions by invocation id, stream items by invocation id, server-to-client
 * invocations in arrival order, the Close message and the end of the socket. Expectations take what
 * they match; {@link #await} waits (up to a deadline) until a probe finds something. At most
 * {@value #MAX_KEPT} messages wait to be taken; past that nothing more is kept and every expectation
 * fails. Frames are decoded on the socket's thread, expectations run on the test's; everything is
 * guarded by one lock.
 */
final class Inbox {

    /** How many decoded messages failure texts show (the most recent ones). */
    private static final int HISTORY = 50;
    /** How many received messages may wait to be taken before the connection stops keeping them. */
    static final int MAX_KEPT = 100_000;

    private static final byte RECORD_SEPARATOR = 0x1E;

    private final Object lock = new Object();
    private final JsonHubProtocol protocol;
    private final ObjectMapper trees = new ObjectMapper();
    private final ClientBinder binder = new ClientBinder();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Map<String, CompletionMessage> completions = new HashMap<>();
    private final Map<String, List<Object>> items = new HashMap<>();
    private final List<InvocationMessage> invocations = new ArrayList<>();
    private final Deque<String> history = new ArrayDeque<>();
    private final Map<String, ClientResultHandler> handlers = new HashMap<>();
    private final Consumer<HubMessage> replies;
    private HandshakeResponseMessage handshake;
    private CloseMessage close;
    private boolean socketClosed;
    private Throwable socketError;
    private int kept;
    private boolean overflowed;

    /** Answers a client-result invocation: its result, or an exception whose message becomes the error. */
    @FunctionalInterface
    interface ClientResultHandler {
        Object answer(InvocationMessage invocation) throws Exception;
    }

    /** @param replies sends the client's answers to client-result invocations */
    Inbox(JsonHubProtocol protocol, Consumer<HubMessage> replies) {
        this.protocol = protocol;
        this.replies = replies;
    }

    // ---- the socket's side --------------------------------------------------------------------

    /** One WebSocket message (one or more whole records, or part of one). */
    void onFrame(byte[] frame) {
        List<CompletionMessage> answers = new ArrayList<>();
        synchronized (lock) {
            int start = 0;
            for (int i = 0; i < frame.length; i++) {
                if (frame[i] == RECORD_SEPARATOR) {
                    partial.write(frame, start, i + 1 - start);
                    byte[] record = partial.toByteArray();
                    partial.reset();
                    start = i + 1;
                    CompletionMessage answer = onRecord(record);
                    if (answer != null) {
                        answers.add(answer);
                    }
                }
            }
            partial.write(frame, start, frame.length - start);
            lock.notifyAll();
        }
        answers.forEach(replies);
    }

    void onSocketClosed(Throwable error) {
        synchronized (lock) {
            socketClosed = true;
            socketError = error;
            lock.notifyAll();
        }
    }

    /** Handles one record; returns the answer to a client-result invocation, if it was one. */
    private CompletionMessage onRecord(byte[] record) {
        if (handshake == null) {
            try {
                handshake = HandshakeProtocol.parseResponse(ByteBuffer.wrap(record));
            } catch (RuntimeException e) {
                handshake = new HandshakeResponseMessage("Invalid handshake response: " + e.getMessage());
            }
            remember("handshake " + (handshake.isSuccess() ? "ok" : handshake.error()));
            return null;
        }
        HubMessage message;
        try {
            binder.nextArgumentCount(argumentCount(record));
            message = protocol.parseMessage(ByteBuffer.wrap(record), binder);
        } catch (RuntimeException e) {
            remember("undecodable record: " + e.getMessage());
            return null;
        }
        if (message == null || message instanceof PingMessage) {
            return null;
        }
        remember(message.toString());
        if (kept >= MAX_KEPT) {
            overflowed = true;
            return null;
        }
        kept++;
        if (message instanceof CompletionMessage completion) {
            completions.put(completion.invocationId(), completion);
        } else if (message instanceof StreamItemMessage item) {
            items.computeIfAbsent(item.invocationId(), id -> new ArrayList<>())
                    .add(item.item() == null ? NullNode.getInstance() : item.item());
        } else if (message instanceof InvocationMessage invocation) {
            invocations.add(invocation);
            if (invocation.invocationId() != null) {
                return answer(invocation);
            }
        } else if (message instanceof CloseMessage closing) {
            close = closing;
        } else {
            kept--;
        }
        return null;
    }

    private CompletionMessage answer(InvocationMessage invocation) {
        ClientResultHandler handler = handlers.get(invocation.target().toLowerCase(Locale.ROOT));
        if (handler == null) {
            return CompletionMessage.withError(invocation.invocationId(), "Client didn't provide a result.");
        }
        try {
            return CompletionMessage.withResult(invocation.invocationId(), handler.answer(invocation));
        } catch (Exception e) {
            return CompletionMessage.withError(invocation.invocationId(), String.valueOf(e.getMessage()));
        }
    }

    private int argumentCount(byte[] record) {
        try {
            JsonNode arguments = trees.readTree(record, 0, record.length - 1).path("arguments");
            return arguments.isArray() ? arguments.size() : 0;
        } catch (IOException e) {
            return 0; // the protocol reports the record as invalid
        }
    }

    private void remember(String entry) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(entry);
    }

    // ---- the test's side ----------------------------------------------------------------------

    void handle(String target, ClientResultHandler handler) {
        synchronized (lock) {
            handlers.put(target.toLowerCase(Locale.ROOT), handler);
        }
    }

    /**
     * Waits until {@code probe} (run under the lock) returns a value, and returns it. Fails when
     * {@code timeout} passes first, or when the socket closed and the probe still finds nothing.
     */
    <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            for (;;) {
                if (overflowed) {
                    throw failure("More than " + MAX_KEPT + " received messages were never taken; the test "
                            + "client stopped keeping them (take or cancel what a test does not check)");
                }
                T found = probe.get();
                if (found != null) {
                    return found;
                }
                if (socketClosed) {
                    throw failure("The connection closed before " + what
                            + (socketError == null ? "" : " (" + socketError + ")"));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure("Nothing matched " + what + " within " + timeout);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("Interrupted while waiting for " + what);
                }
            }
        }
    }

    /** The handshake answer once received. */
    HandshakeResponseMessage handshake() {
        return handshake;
    }

    /** The completion of {@code invocationId}, taken, or null. */
    CompletionMessage takeCompletion(String invocationId) {
        return taken(completions.remove(invocationId));
    }

    /** Whether the completion of {@code invocationId} has arrived (not taken). */
    boolean hasCompletion(String invocationId) {
        return completions.containsKey(invocationId);
    }

    /** The oldest stream item of {@code invocationId} not yet taken, or null. */
    Object takeItem(String invocationId) {
        List<Object> queued = items.get(invocationId);
        return queued == null || queued.isEmpty() ? null : taken(queued.remove(0));
    }

    /** Every stream item of {@code invocationId} not yet taken. */
    List<Object> takeItems(String invocationId) {
        List<Object> queued = items.remove(invocationId);
        if (queued == null) {
            return List.of();
        }
        kept -= queued.size();
        return queued;
    }

    /** The oldest server-to-client invocation of {@code target} (any case) not yet taken, or null. */
    InvocationMessage takeInvocation(String target) {
        for (Iterator<InvocationMessage> it = invocations.iterator(); it.hasNext(); ) {
            InvocationMessage invocation = it.next();
            if (invocation.target().equalsIgnoreCase(target)) {
                it.remove();
                return taken(invocation);
            }
        }
        return null;
    }

    private <T> T taken(T message) {
        if (message != null) {
            kept--;
        }
        return message;
    }

    /** The Close message, or null. */
    CloseMessage close() {
        return close;
    }

    /** Whether the socket has closed. */
    boolean socketClosed() {
        synchronized (lock) {
            return socketClosed;
        }
    }

    /** An assertion failure listing what was received (the most recent messages). */
    AssertionError failure(String text) {
        synchronized (lock) {
            return new AssertionError(text + "; received: " + (history.isEmpty() ? "nothing" : String.join(", ", history)));
        }
    }
}
