package io.hubkit.service.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A tiny JSON hub run by a {@link TestAppServer}, the way an app server's hub pipeline handles
 * tunnelled clients: it answers each client's handshake with {@code {}}, calls the handler
 * registered for an invocation's target and sends back its completion, and completes client
 * results the test started ({@link #expectClientResult}) when the client's completion arrives. It
 * speaks JSON and MessagePack (invocations, completions); payloads for sends are built for both.
 * Thread-safe.
 */
public final class TestHub {

    /** One invocation from a client. */
    public record Call(String connectionId, String userId, JsonNode arguments) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper MSGPACK = new ObjectMapper(new org.msgpack.jackson.dataformat.MessagePackFactory());
    private static final byte RS = 0x1e;

    private final TestAppServer server;
    private final Map<String, Function<Call, Mono<?>>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> clientResults = new ConcurrentHashMap<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger invocationIds = new AtomicInteger();

    private static final class Client {
        final String userId;
        final boolean binary;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean handshaken;

        Client(String userId, String protocol) {
            this.userId = userId;
            this.binary = "messagepack".equalsIgnoreCase(protocol);
        }
    }

    public TestHub(TestAppServer server) {
        this.server = server;
        server.onMessage(this::onMessage);
    }

    /** The app server this hub runs on. */
    public TestAppServer server() {
        return server;
    }

    /** Registers the handler of {@code target}; its value becomes the completion's result. */
    public TestHub on(String target, Function<Call, Mono<?>> handler) {
        handlers.put(target.toLowerCase(), handler);
        return this;
    }

    /** The ids of the clients the service opened on this server and that are not closed. */
    public Set<String> connections() {
        Set<String> open = new java.util.HashSet<>(clients.keySet());
        open.removeAll(closed);
        return open;
    }

    /** Whether the service told this server that {@code connectionId} closed. */
    public boolean isClosed(String connectionId) {
        return closed.contains(connectionId);
    }

    /** Sends raw hub bytes to one client of this server ({@code ConnectionData}). */
    public void sendData(String connectionId, byte[] bytes, boolean partial) {
        server.send(new ConnectionDataMessage(connectionId, bytes,
                partial ? ServiceExtensions.NONE.withPartial(true) : ServiceExtensions.NONE));
    }

    /**
     * The client result {@code invocationId} (started by the test with a ClientInvocation): the
     * future completes with the client's result (or fails with its error) when the client's
     * completion reaches this hub through the tunnel.
     */
    public CompletableFuture<JsonNode> expectClientResult(String invocationId) {
        return clientResults.computeIfAbsent(invocationId, id -> new CompletableFuture<>());
    }

    /** A fresh invocation id for client results. */
    public String nextInvocationId() {
        return "srv-" + invocationIds.incrementAndGet();
    }

    /** The payloads map of a non-blocking invocation of {@code target}: JSON and MessagePack framed. */
    public static Map<String, byte[]> invocation(String target, Object... arguments) {
        return invocationWithId(null, target, arguments);
    }

    /** The payloads map of an invocation with an id (a client result request). */
    public static Map<String, byte[]> invocationWithId(String invocationId, String target, Object... arguments) {
        ObjectNode json = JSON.createObjectNode().put("type", 1);
        if (invocationId != null) {
            json.put("invocationId", invocationId);
        }
        json.put("target", target);
        ArrayNode args = json.putArray("arguments");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument));
        }
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        payloads.put("json", record(json));
        payloads.put("messagepack", new MessagePackHubProtocol().writeMessage(
                new InvocationMessage(invocationId, target, List.of(arguments), null, Map.of())));
        return payloads;
    }

    private void onMessage(ServiceMessage message) {
        if (message instanceof OpenConnectionMessage open) {
            String user = open.claims().stream().filter(c -> c.type().equals("asrs.s.uid")).map(c -> c.value())
                    .findFirst().orElse(null);
            clients.put(open.connectionId(), new Client(user, open.extensions().protocol()));
        } else if (message instanceof ConnectionDataMessage data) {
            Client client = clients.get(data.connectionId());
            if (client != null) {
                synchronized (client) {
                    client.buffer.write(data.payload(), 0, data.payload().length);
                    drain(data.connectionId(), client);
                }
            }
        } else if (message instanceof CloseConnectionMessage close) {
            closed.add(close.connectionId());
        }
    }

    private void drain(String connectionId, Client client) {
        byte[] bytes = client.buffer.toByteArray();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (client.handshaken && client.binary) {
                start = drainBinary(connectionId, client, bytes, start);
                break;
            }
            if (bytes[i] != RS) {
                continue;
            }
            byte[] record = Arrays.copyOfRange(bytes, start, i);
            start = i + 1;
            if (!client.handshaken) {
                client.handshaken = true;
                sendData(connectionId, "{}\u001e".getBytes(StandardCharsets.UTF_8), false);
                continue;
            }
            handle(connectionId, client, record);
        }
        client.buffer.reset();
        client.buffer.write(bytes, start, bytes.length - start);
    }

    /** Handles the VarInt-framed MessagePack messages of {@code bytes} from {@code start}; returns where the rest begins. */
    private int drainBinary(String connectionId, Client client, byte[] bytes, int start) {
        int position = start;
        while (position < bytes.length) {
            java.nio.ByteBuffer input = java.nio.ByteBuffer.wrap(bytes, position, bytes.length - position);
            java.nio.ByteBuffer frame = io.hubkit.core.protocol.BinaryMessageFraming.nextFrame(input);
            if (frame == null) {
                break;
            }
            position = input.position();
            byte[] body = new byte[frame.remaining()];
            frame.get(body);
            handle(connectionId, client, fromMessagePack(body));
        }
        return position;
    }

    /** The MessagePack array of a hub message as the JSON object the JSON protocol would carry. */
    private static JsonNode fromMessagePack(byte[] body) {
        JsonNode array;
        try {
            array = MSGPACK.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode message = JSON.createObjectNode().put("type", array.get(0).asInt());
        if (array.get(0).asInt() == 1) {
            if (!array.get(2).isNull()) {
                message.put("invocationId", array.get(2).asText());
            }
            message.put("target", array.get(3).asText());
            message.set("arguments", array.get(4));
        } else if (array.get(0).asInt() == 3) {
            message.put("invocationId", array.get(2).asText());
            int kind = array.get(3).asInt();
            if (kind == 1) {
                message.set("error", array.get(4));
            } else if (kind == 3) {
                message.set("result", array.get(4));
            }
        }
        return message;
    }

    private void handle(String connectionId, Client client, byte[] record) {
        JsonNode message;
        try {
            message = JSON.readTree(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handle(connectionId, client, message);
    }

    private void handle(String connectionId, Client client, JsonNode message) {
        int type = message.path("type").asInt();
        if (type == 3) {
            CompletableFuture<JsonNode> pending = expectClientResult(message.path("invocationId").asText());
            if (message.hasNonNull("error")) {
                pending.completeExceptionally(new IllegalStateException(message.get("error").asText()));
            } else {
                pending.complete(message.path("result"));
            }
            return;
        }
        if (type != 1) {
            return;
        }
        String invocationId = message.hasNonNull("invocationId") ? message.get("invocationId").asText() : null;
        Function<Call, Mono<?>> handler = handlers.get(message.path("target").asText().toLowerCase());
        Mono<?> result = handler == null
                ? Mono.error(new IllegalStateException("Unknown method " + message.path("target").asText()))
                : Mono.defer(() -> handler.apply(new Call(connectionId, client.userId, message.path("arguments"))));
        result.map(value -> (Object) value).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .subscribe(value -> complete(connectionId, client, invocationId, value.orElse(null), null),
                        error -> complete(connectionId, client, invocationId, null, String.valueOf(error.getMessage())));
    }

    /** The entry of {@code payloads} for the protocol of client {@code connectionId}. */
    public byte[] payloadFor(String connectionId, Map<String, byte[]> payloads) {
        Client client = clients.get(connectionId);
        return payloads.get(client != null && client.binary ? "messagepack" : "json");
    }

    private void complete(String connectionId, Client client, String invocationId, Object result, String error) {
        if (invocationId == null) {
            return;
        }
        if (client.binary) {
            sendData(connectionId, new MessagePackHubProtocol().writeMessage(error != null
                    ? io.hubkit.core.protocol.CompletionMessage.withError(invocationId, error)
                    : io.hubkit.core.protocol.CompletionMessage.withResult(invocationId, result)), false);
            return;
        }
        ObjectNode completion = JSON.createObjectNode().put("type", 3).put("invocationId", invocationId);
        if (error != null) {
            completion.put("error", error);
        } else {
            completion.set("result", JSON.valueToTree(result));
        }
        sendData(connectionId, record(completion), false);
    }

    private static byte[] record(JsonNode json) {
        try {
            byte[] body = JSON.writeValueAsBytes(json);
            byte[] framed = Arrays.copyOf(body, body.length + 1);
            framed[body.length] = RS;
            return framed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
