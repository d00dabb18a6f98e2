package io.hubkit.test;

import io.hubkit.core.protocol.CancelInvocationMessage;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.StreamInvocationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One connected test client. Calls send at once and return an object to check the answer with;
 * messages the hub sends are kept until an expectation takes them, so the order of the test's
 * checks need not follow the order of arrival. Server-to-client invocations that expect a result
 * are answered by {@link #onInvocation} handlers (or with the official clients' error when there is
 * none). Thread-safe, but expectations are meant for the test's thread. {@link #close()} stops it.
 */
public final class HubTestConnection implements AutoCloseable {

    private final JsonHubProtocol protocol;
    private final Payloads payloads;
    private final Duration timeout;
    private final Inbox inbox;
    private final WebSocketLink link;
    private final AtomicInteger ids = new AtomicInteger();

    private HubTestConnection(HubTestClient client, Negotiation.Target target, Map<String, String> headers) {
        this.protocol = new JsonHubProtocol(client.payloadMapper());
        this.payloads = new Payloads(client.payloadMapper());
        this.timeout = client.timeout();
        this.inbox = new Inbox(protocol, this::write);
        this.link = new WebSocketLink(target.webSocketUrl(), headers, target.accessToken(), inbox::onFrame,
                inbox::onSocketClosed);
    }

    static HubTestConnection open(HubTestClient client, Negotiation.Target target, Map<String, String> headers) {
        HubTestConnection connection = new HubTestConnection(client, target, headers);
        connection.handshake();
        return connection;
    }

    private void handshake() {
        link.send(new String(HandshakeProtocol.writeRequest(new HandshakeRequestMessage(JsonHubProtocol.NAME, 1)),
                StandardCharsets.UTF_8));
        HandshakeResponseMessage answer = inbox.await("the handshake answer", timeout, inbox::handshake);
        if (!answer.isSuccess()) {
            link.abort();
            throw inbox.failure("The hub refused the handshake: " + answer.error());
        }
    }

    /** Invokes a hub method; check its answer on the returned object. */
    public InvocationResult invoke(String method, Object... args) {
        String id = nextId();
        write(new InvocationMessage(id, method, arguments(args), null, Map.of()));
        return new InvocationResult(this, method, id);
    }

    /** Invokes a hub method without waiting for (or getting) any answer, as the clients' {@code send} does. */
    public void send(String method, Object... args) {
        write(InvocationMessage.nonBlocking(method, arguments(args)));
    }

    /** Invokes a streaming hub method; take its items on the returned object. */
    public StreamResult stream(String method, Object... args) {
        String id = nextId();
        write(new StreamInvocationMessage(id, method, arguments(args), null, Map.of()));
        return new StreamResult(this, method, id);
    }

    /**
     * The oldest invocation of client method {@code method} (any case) the hub sent and no
     * expectation took yet, waiting for it if needed.
     */
    public ReceivedInvocation expectInvocation(String method) {
        InvocationMessage invocation = inbox.await("an invocation of '" + method + "'", timeout,
                () -> inbox.takeInvocation(method));
        return new ReceivedInvocation(invocation, payloads);
    }

    /**
     * Answers the hub's client-result invocations of {@code method} (any case): the handler's value
     * is the result; an exception it throws becomes the error text. Runs on the socket's thread.
     */
    public HubTestConnection onInvocation(String method, Function<ReceivedInvocation, Object> handler) {
        inbox.handle(method, invocation -> handler.apply(new ReceivedInvocation(invocation, payloads)));
        return this;
    }

    /** Waits for the Close message the server sends before it closes the connection. */
    public ReceivedClose expectClose() {
        CloseMessage close = inbox.await("a Close message", timeout, inbox::close);
        return new ReceivedClose(close, inbox);
    }

    /** Whether the WebSocket has closed (from either side). */
    public boolean isClosed() {
        return inbox.socketClosed();
    }

    /**
     * Stops the connection as the official clients do: sends a Close message, then closes the
     * WebSocket, and waits (up to the timeout) until it is closed. Idempotent.
     */
    @Override
    public void close() {
        if (inbox.socketClosed()) {
            return;
        }
        write(CloseMessage.EMPTY);
        link.close();
        try {
            inbox.await("the socket to close", timeout, () -> inbox.socketClosed() ? Boolean.TRUE : null);
        } catch (AssertionError notClosed) {
            link.abort();
            throw notClosed;
        }
    }

    // ---- for the result objects ---------------------------------------------------------------

    Inbox inbox() {
        return inbox;
    }

    Payloads payloads() {
        return payloads;
    }

    Duration timeout() {
        return timeout;
    }

    void cancel(String invocationId) {
        write(new CancelInvocationMessage(invocationId, Map.of()));
    }

    private void write(HubMessage message) {
        link.send(new String(protocol.writeMessage(message), StandardCharsets.UTF_8));
    }

    private String nextId() {
        return String.valueOf(ids.getAndIncrement());
    }

    private static List<Object> arguments(Object[] args) {
        return args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.clone()));
    }
}
