package io.hubkit.core.testing;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.HubConnectionHandler;
import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationBindingFailureMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.StreamInvocationMessage;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A hub client at the byte level, for tests: it feeds a {@link HubConnectionHandler} the bytes the
 * real protocols write, and decodes what the runtime writes to its {@link InMemoryTransport} with
 * the same protocols. Received messages are kept in a backlog; {@link #await} takes the first one
 * that matches, waiting (up to {@link #TIMEOUT}, only to avoid hangs) for more frames.
 *
 * <p>Client-side binding: results, items and arguments bind to {@code Object}. The argument count
 * of server-to-client invocations is not known in advance, so the client learns it from the
 * protocol's count-mismatch error and parses the record again.
 *
 * <p>Not thread-safe: use from the test thread.
 */
public final class WireClient implements AutoCloseable {

    /** How long any wait lasts before the test fails (generous: only to avoid hanging builds). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern COUNT_MISMATCH =
            Pattern.compile("Invocation provides (\\d+) argument\\(s\\) but target expects \\d+\\.");

    private final HubProtocol protocol;
    private final InMemoryTransport transport;
    private final ConnectionRequest request;
    private final Sinks.Many<java.nio.ByteBuffer> inbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final List<HubMessage> backlog = new ArrayList<>();
    private final List<HubMessage> history = new ArrayList<>();
    private final ClientBinder binder = new ClientBinder();
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private int nextInvocationId;

    /**
     * Runs one connection given the transport the server side writes to, the bytes the client
     * sends and the request: {@link HubConnectionHandler#handle} itself, or a bridge that carries
     * the bytes to a real server (e.g. through a hub service) and its answers back to the transport.
     * Completes when the connection is over.
     */
    @FunctionalInterface
    public interface ConnectionRunner {

        Mono<Void> run(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request);
    }

    /** Starts running a connection on {@code handler} over {@code transport}; nothing is sent yet. */
    public WireClient(HubConnectionHandler handler, HubProtocol protocol, InMemoryTransport transport,
                      ConnectionRequest request) {
        this((ConnectionRunner) handler::handle, protocol, transport, request);
    }

    /** Starts running a connection through {@code runner} over {@code transport}; nothing is sent yet. */
    public WireClient(ConnectionRunner runner, HubProtocol protocol, InMemoryTransport transport,
                      ConnectionRequest request) {
        this.protocol = protocol;
        this.transport = transport;
        this.request = request;
        runner.run(transport, inbound.asFlux(), request)
                .subscribe(null, ended::completeExceptionally, () -> ended.complete(null));
    }

    /** A connected client (handshake done) over a WebSocket-like transport, with a fresh connection id. */
    public static WireClient connect(HubConnectionHandler handler, HubProtocol protocol) {
        return connect(handler, protocol, request(null, Map.of()));
    }

    /** A connected client (handshake done) over a WebSocket-like transport. */
    public static WireClient connect(HubConnectionHandler handler, HubProtocol protocol, ConnectionRequest request) {
        WireClient client = new WireClient(handler, protocol, InMemoryTransport.webSockets(), request);
        HandshakeResponseMessage response = client.handshake();
        if (!response.isSuccess()) {
            throw new AssertionError("Handshake failed: " + response.error());
        }
        return client;
    }

    /** A connected client (handshake done) through {@code runner}, over a WebSocket-like transport. */
    public static WireClient connect(ConnectionRunner runner, HubProtocol protocol, ConnectionRequest request) {
        WireClient client = new WireClient(runner, protocol, InMemoryTransport.webSockets(), request);
        HandshakeResponseMessage response = client.handshake();
        if (!response.isSuccess()) {
            throw new AssertionError("Handshake failed: " + response.error());
        }
        return client;
    }

    /** A request with a fresh connection id. */
    public static ConnectionRequest request(Principal principal, Map<String, List<String>> query) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        ConnectionInfo info = new ConnectionInfo("WebSockets", "/hub", Map.of(), query, Map.of(), null);
        return new ConnectionRequest(id, principal, info);
    }

    public String connectionId() {
        return request.connectionId();
    }

    public HubProtocol protocol() {
        return protocol;
    }

    public InMemoryTransport transport() {
        return transport;
    }

    // ---- sending ------------------------------------------------------------------------------

    /** Sends the handshake request for this client's protocol (version 1) and reads the answer. */
    public HandshakeResponseMessage handshake() {
        sendBytes(HandshakeProtocol.writeRequest(new HandshakeRequestMessage(protocol.name(), 1)));
        return readHandshakeResponse();
    }

    /** Reads the handshake response from the first frame; what follows it in the frame is kept as hub messages. */
    public HandshakeResponseMessage readHandshakeResponse() {
        InMemoryTransport.Frame frame = nextFrame();
        if (frame == null) {
            throw new AssertionError("No handshake response within " + TIMEOUT);
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame.bytes());
        HandshakeResponseMessage response = HandshakeProtocol.parseResponse(buffer);
        if (response == null) {
            throw new AssertionError("Incomplete handshake response: " + new String(frame.bytes()));
        }
        pending = buffer.slice();
        return response;
    }

    /** Sends raw bytes as one transport message. */
    public void sendBytes(byte[] bytes) {
        Sinks.EmitResult result = inbound.tryEmitNext(ByteBuffer.wrap(bytes.clone()));
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_TERMINATED && result != Sinks.EmitResult.FAIL_CANCELLED) {
            throw new AssertionError("Could not send: " + result);
        }
    }

    /** Sends one message, encoded by this client's protocol. */
    public void send(HubMessage message) {
        sendBytes(protocol.writeMessage(message));
    }

    /** Sends a blocking Invocation and returns its id. */
    public String invoke(String target, Object... args) {
        return invokeWithStreams(target, null, args);
    }

    /** Sends a blocking Invocation with upload stream ids and returns its id. */
    public String invokeWithStreams(String target, List<String> streamIds, Object... args) {
        String id = nextId();
        send(new InvocationMessage(id, target, arguments(args), streamIds, Map.of()));
        return id;
    }

    /** Sends a non-blocking Invocation (no id: the server never answers). */
    public void sendNonBlocking(String target, Object... args) {
        send(new InvocationMessage(null, target, arguments(args), null, Map.of()));
    }

    /** Sends a StreamInvocation and returns its id. */
    public String stream(String target, Object... args) {
        String id = nextId();
        send(new StreamInvocationMessage(id, target, arguments(args), null, Map.of()));
        return id;
    }

    /** A fresh id from the client's counter (shared by invocations and upload streams, as the JS client does). */
    public String nextId() {
        return String.valueOf(nextInvocationId++);
    }

    /** The client goes away: the inbound stream completes. */
    public void disconnect() {
        inbound.tryEmitComplete();
    }

    @Override
    public void close() {
        disconnect();
    }

    // ---- receiving ----------------------------------------------------------------------------

    /** Sends an Invocation and waits for its Completion. */
    public CompletionMessage invokeAndWait(String target, Object... args) {
        return awaitCompletion(invoke(target, args));
    }

    /** Waits for the Completion of {@code invocationId}. */
    public CompletionMessage awaitCompletion(String invocationId) {
        return await(CompletionMessage.class, c -> invocationId.equals(c.invocationId()));
    }

    /** Waits for the Close message. */
    public CloseMessage awaitClose() {
        return await(CloseMessage.class, c -> true);
    }

    /** Waits for a server-to-client Invocation of {@code target} (any case). */
    public InvocationMessage awaitInvocation(String target) {
        return await(InvocationMessage.class, i -> i.target().equalsIgnoreCase(target));
    }

    /** Takes the first received message of {@code type} matching {@code filter}, waiting for it if needed. */
    public <T extends HubMessage> T await(Class<T> type, Predicate<T> filter) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (;;) {
            for (Iterator<HubMessage> it = backlog.iterator(); it.hasNext(); ) {
                HubMessage message = it.next();
                if (type.isInstance(message) && filter.test(type.cast(message))) {
                    it.remove();
                    return type.cast(message);
                }
            }
            long left = deadline - System.nanoTime();
            InMemoryTransport.Frame frame = left <= 0 ? null : nextFrame(Duration.ofNanos(left));
            if (frame == null) {
                throw new AssertionError("No matching " + type.getSimpleName() + " within " + TIMEOUT
                        + "; received: " + history);
            }
            decode(frame);
        }
    }

    /** Every message decoded so far (taken or not), after decoding the frames already written. */
    public List<HubMessage> received() {
        InMemoryTransport.Frame frame;
        while ((frame = nextFrame(Duration.ZERO)) != null) {
            decode(frame);
        }
        return List.copyOf(history);
    }

    /** Waits until the connection has ended (its handler's Mono completed). */
    public void awaitEnded() {
        try {
            ended.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The connection did not end within " + TIMEOUT, e);
        }
    }

    /** Whether the connection has ended. */
    public boolean hasEnded() {
        return ended.isDone();
    }

    private InMemoryTransport.Frame nextFrame() {
        return nextFrame(TIMEOUT);
    }

    private InMemoryTransport.Frame nextFrame(Duration timeout) {
        try {
            return transport.nextFrame(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private void decode(InMemoryTransport.Frame frame) {
        ByteBuffer buffer = ByteBuffer.allocate(pending.remaining() + frame.bytes().length);
        buffer.put(pending).put(frame.bytes()).flip();
        for (;;) {
            int start = buffer.position();
            HubMessage message = protocol.parseMessage(buffer, binder);
            if (message == null) {
                break;
            }
            if (message instanceof InvocationBindingFailureMessage failure && binder.learn(failure)) {
                buffer.position(start);
                continue;
            }
            backlog.add(message);
            history.add(message);
        }
        pending = buffer.slice();
    }

    private static List<Object> arguments(Object... args) {
        return Collections.unmodifiableList(Arrays.asList(args == null ? new Object[0] : args.clone()));
    }

    /** Binds everything to {@code Object}; learns the argument count of each client method. */
    private static final class ClientBinder implements InvocationBinder {

        private final Map<String, Integer> arity = new ConcurrentHashMap<>();

        @Override
        public List<Type> parameterTypes(String target) {
            return Collections.nCopies(arity.getOrDefault(target.toLowerCase(Locale.ROOT), 0), Object.class);
        }

        @Override
        public Type returnType(String invocationId) {
            return Object.class;
        }

        @Override
        public Type streamItemType(String streamId) {
            return Object.class;
        }

        boolean learn(InvocationBindingFailureMessage failure) {
            Matcher matcher = COUNT_MISMATCH.matcher(String.valueOf(failure.failure().getMessage()));
            if (!matcher.matches()) {
                return false;
            }
            arity.put(failure.target().toLowerCase(Locale.ROOT), Integer.parseInt(matcher.group(1)));
            return true;
        }
    }
}
