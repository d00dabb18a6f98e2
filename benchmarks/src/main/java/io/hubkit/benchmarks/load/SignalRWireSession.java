package io.hubkit.benchmarks.load;

import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.protocol.TransferFormat;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SignalR hub protocol, spoken with hub-core's own {@link HubProtocol} implementations (no
 * second codec): the JSON handshake, then invocations of the benchmark hub's methods and parsing
 * of every record the server sends — {@code broadcast}/{@code group} invocations and echo
 * Completions become deliveries, join Completions confirmations, a Close or an error Completion a
 * failure. Records may span frames; the unread rest is kept until the next frame.
 */
final class SignalRWireSession implements WireSession {

    private static final HubProtocol JSON = new JsonHubProtocol();
    private static final HubProtocol MESSAGE_PACK = new MessagePackHubProtocol();
    private static final String JOIN_ID_PREFIX = "j";
    private static final List<Type> ONE_STRING = List.of(String.class);
    private static final byte[] JSON_PING = JSON.writeMessage(PingMessage.INSTANCE);
    private static final byte[] MESSAGE_PACK_PING = MESSAGE_PACK.writeMessage(PingMessage.INSTANCE);

    /** The benchmark hub's client methods take one string; results are strings or nothing. */
    private static final InvocationBinder BINDER = new InvocationBinder() {
        @Override
        public List<Type> parameterTypes(String target) {
            if ("broadcast".equals(target) || "group".equals(target)) {
                return ONE_STRING;
            }
            throw new HubProtocolException("Method does not exist.");
        }

        @Override
        public Type returnType(String invocationId) {
            return invocationId.startsWith(JOIN_ID_PREFIX) ? Object.class : String.class;
        }

        @Override
        public Type streamItemType(String streamId) {
            return Object.class;
        }
    };

    private final HubProtocol protocol;
    private final boolean binary;
    private final LoadListener listener;
    private final AtomicLong invocationIds = new AtomicLong();
    private boolean handshakeDone;
    private ByteBuffer rest;

    SignalRWireSession(String protocolName, LoadListener listener) {
        this.protocol = switch (protocolName) {
            case "json" -> JSON;
            case "messagepack" -> MESSAGE_PACK;
            default -> throw new IllegalArgumentException("Unknown hub protocol " + protocolName);
        };
        this.binary = protocol.transferFormat() == TransferFormat.BINARY;
        this.listener = listener;
    }

    @Override
    public void open(LoadConnection link) {
        link.send(HandshakeProtocol.writeRequest(new HandshakeRequestMessage(protocol.name(), 1)), binary);
    }

    @Override
    public void onFrame(WebSocketFrame frame, LoadConnection link) {
        if (frame instanceof CloseWebSocketFrame) {
            return;
        }
        ByteBuffer input = append(frame.content());
        try {
            if (!handshakeDone) {
                HandshakeResponseMessage response = HandshakeProtocol.parseResponse(input);
                if (response == null) {
                    keep(input);
                    return;
                }
                if (!response.isSuccess()) {
                    link.fail("handshake refused: " + response.error());
                    return;
                }
                handshakeDone = true;
                link.markReady();
            }
            while (input.hasRemaining()) {
                HubMessage message = protocol.parseMessage(input, BINDER);
                if (message == null) {
                    break;
                }
                handle(message, link);
            }
            keep(input);
        } catch (HubProtocolException e) {
            rest = null;
            link.fail("unreadable record: " + e.getMessage());
        }
    }

    private void handle(HubMessage message, LoadConnection link) {
        if (message instanceof InvocationMessage invocation) {
            List<Object> arguments = invocation.arguments();
            if (!arguments.isEmpty() && arguments.get(0) instanceof String payload) {
                Payloads.deliver(payload, listener);
            }
        } else if (message instanceof CompletionMessage completion) {
            if (completion.error() != null) {
                link.fail("invocation failed: " + completion.error());
            } else if (completion.invocationId().startsWith(JOIN_ID_PREFIX)) {
                listener.joined();
            } else if (completion.result() instanceof String payload) {
                Payloads.deliver(payload, listener);
            }
        } else if (message instanceof CloseMessage close) {
            link.fail("closed by the server" + (close.error() == null ? "" : ": " + close.error()));
        }
    }

    private ByteBuffer append(ByteBuf content) {
        int readable = content.readableBytes();
        if (rest == null) {
            ByteBuffer copy = ByteBuffer.allocate(readable);
            content.getBytes(content.readerIndex(), copy);
            return copy.flip();
        }
        ByteBuffer joined = ByteBuffer.allocate(rest.remaining() + readable);
        joined.put(rest);
        content.getBytes(content.readerIndex(), joined);
        rest = null;
        return joined.flip();
    }

    private void keep(ByteBuffer input) {
        rest = input.hasRemaining() ? input.slice() : null;
    }

    @Override
    public void echo(LoadConnection link, String payload) {
        String id = Long.toString(invocationIds.incrementAndGet());
        send(link, new InvocationMessage(id, "echo", List.of(payload), null, Map.of()));
    }

    @Override
    public void broadcast(LoadConnection link, String payload) {
        send(link, InvocationMessage.nonBlocking("broadcast", List.of(payload)));
    }

    @Override
    public boolean join(LoadConnection link, String group) {
        String id = JOIN_ID_PREFIX + invocationIds.incrementAndGet();
        send(link, new InvocationMessage(id, "joinGroup", List.of(group), null, Map.of()));
        return true;
    }

    @Override
    public void sendToGroup(LoadConnection link, String group, String payload) {
        send(link, InvocationMessage.nonBlocking("sendToGroup", List.of(group, payload)));
    }

    @Override
    public void keepAlive(LoadConnection link) {
        link.send(binary ? MESSAGE_PACK_PING : JSON_PING, binary);
    }

    private void send(LoadConnection link, HubMessage message) {
        link.send(protocol.writeMessage(message), binary);
    }
}
