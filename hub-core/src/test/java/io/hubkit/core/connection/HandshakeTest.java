package io.hubkit.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.core.testing.InMemoryTransport;
import io.hubkit.core.testing.Protocols;
import io.hubkit.core.testing.WireClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The handshake: success in the protocol's frame format, every documented failure, limits and timeout. */
class HandshakeTest {

    /** Counts connected callbacks, so a failed handshake can be shown not to connect. */
    public static class EchoHub {

        final AtomicInteger connected = new AtomicInteger();

        @OnConnected
        public void connected() {
            connected.incrementAndGet();
        }

        public String echo(String text) {
            return text;
        }
    }

    private final EchoHub hub = new EchoHub();
    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private HubConnectionHandler handler(HubOptions options) {
        endpoint = HubEndpoint.builder(hub).options(options).build();
        return endpoint.connectionHandler();
    }

    private HubConnectionHandler handler() {
        return handler(HubOptions.defaults());
    }

    private static byte[] handshake(String protocol, int version) {
        return HandshakeProtocol.writeRequest(new HandshakeRequestMessage(protocol, version));
    }

    static List<HubProtocol> protocols() {
        return Protocols.both().toList();
    }

    private WireClient rawClient(HubConnectionHandler handler, HubProtocol protocol, InMemoryTransport transport) {
        return new WireClient(handler, protocol, transport, WireClient.request(null, Map.of()));
    }

    /** Asserts that the handshake failed with {@code error}, without connecting, and the transport was closed. */
    private void assertRejected(WireClient client, String error) {
        HandshakeResponseMessage response = client.readHandshakeResponse();
        assertThat(response.error()).isEqualTo(error);
        assertThat(client.transport().frames().get(0).format()).isEqualTo(TransferFormat.TEXT);
        client.awaitEnded();
        assertThat(client.transport().isClosed()).isTrue();
        assertThat(hub.connected).hasValue(0);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void successIsAnEmptyObjectInTheProtocolsFrameFormat(HubProtocol protocol) {
        WireClient client = WireClient.connect(handler(), protocol);

        InMemoryTransport.Frame first = client.transport().frames().get(0);
        assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).isEqualTo("{}\u001e");
        assertThat(first.format()).isEqualTo(protocol.transferFormat());
        assertThat(client.invokeAndWait("echo", "hi").result()).isEqualTo("hi");
        assertThat(hub.connected).hasValue(1);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void messagesInTheHandshakeChunkAreDispatched(HubProtocol protocol) {
        WireClient client = rawClient(handler(), protocol, InMemoryTransport.webSockets());
        byte[] hello = handshake(protocol.name(), 1);
        byte[] invocation = protocol.writeMessage(new InvocationMessage("7", "echo", List.of("same chunk"), null, Map.of()));
        byte[] chunk = Arrays.copyOf(hello, hello.length + invocation.length);
        System.arraycopy(invocation, 0, chunk, hello.length, invocation.length);

        client.sendBytes(chunk);

        assertThat(client.readHandshakeResponse().isSuccess()).isTrue();
        assertThat(client.awaitCompletion("7").result()).isEqualTo("same chunk");
    }

    @Test
    void aHandshakeSplitOverSeveralChunksIsReassembled() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets());
        byte[] hello = handshake("json", 1);

        client.sendBytes(Arrays.copyOfRange(hello, 0, 5));
        client.sendBytes(Arrays.copyOfRange(hello, 5, hello.length));

        assertThat(client.readHandshakeResponse().isSuccess()).isTrue();
        assertThat(client.invokeAndWait("echo", "ok").result()).isEqualTo("ok");
    }

    @Test
    void unknownProtocol() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes(handshake("xml", 1));
        assertRejected(client, "The protocol 'xml' is not supported.");
    }

    @Test
    void unsupportedVersion() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes(handshake("json", 3));
        assertRejected(client, "The server does not support version 3 of the 'json' protocol.");
    }

    @Test
    void binaryProtocolOnATextOnlyTransport() {
        WireClient client = rawClient(handler(), new MessagePackHubProtocol(), InMemoryTransport.serverSentEvents());
        client.sendBytes(handshake("messagepack", 1));
        assertRejected(client, "Cannot use the 'messagepack' protocol on the current transport. The transport does "
                + "not support 'Binary' transfer format.");
    }

    @Test
    void jsonOnATextOnlyTransportIsFine() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.serverSentEvents());
        client.sendBytes(handshake("json", 1));
        assertThat(client.readHandshakeResponse().isSuccess()).isTrue();
        assertThat(client.invokeAndWait("echo", "sse").result()).isEqualTo("sse");
    }

    @Test
    void malformedHandshake() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes("not json\u001e".getBytes(StandardCharsets.UTF_8));
        assertRejected(client, "An unexpected error occurred during connection handshake.");
    }

    @Test
    void malformedHandshakeWithDetailedErrors() {
        HubConnectionHandler handler = handler(HubOptions.builder().enableDetailedErrors(true).build());
        WireClient client = rawClient(handler, new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes("{\"protocol\":\"json\"}\u001e".getBytes(StandardCharsets.UTF_8));

        HandshakeResponseMessage response = client.readHandshakeResponse();
        assertThat(response.error()).startsWith(
                "An unexpected error occurred during connection handshake. InvalidDataException: Missing required "
                        + "property 'version'.");
    }

    @Test
    void aHandshakeLargerThanTheMessageSizeLimitIsCanceled() {
        HubConnectionHandler handler = handler(HubOptions.builder().maximumReceiveMessageSize(64).build());
        WireClient client = rawClient(handler, new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes(("{\"protocol\":\"json\",\"version\":1,\"padding\":\"" + "x".repeat(100) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(client, "Handshake was canceled.");
    }

    @Test
    void aHandshakeNotCompletedInTimeIsCanceled() {
        HubConnectionHandler handler = handler(HubOptions.builder().handshakeTimeout(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMillis(20)).build());
        WireClient client = rawClient(handler, new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes("{\"protocol\":".getBytes(StandardCharsets.UTF_8));
        assertRejected(client, "Handshake was canceled.");
    }

    @Test
    void aClientLeavingBeforeItsHandshakeGetsNoAnswer() {
        WireClient client = rawClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets());
        client.sendBytes("{\"protocol\":".getBytes(StandardCharsets.UTF_8));
        client.disconnect();

        client.awaitEnded();
        assertThat(client.transport().frames()).isEmpty();
        assertThat(client.transport().isClosed()).isTrue();
        assertThat(endpoint.connectionHandler().connectionCount()).isZero();
    }
}
