package io.hubkit.benchmarks.load;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * socket.io (protocol 5) over Engine.IO 4 on a WebSocket: after the server's open packet
 * ({@code 0{…}}) the client connects the main namespace ({@code 40}); pings ({@code 2}) are
 * answered with pongs ({@code 3}). Operations are event packets ({@code 42[…]}); echo and join ask
 * for an acknowledgement ({@code 42<id>[…]} answered by {@code 43<id>[…]}; id 0 is reserved for
 * joins). Payloads are plain ASCII, so they need no JSON escaping; the first string argument of an
 * event or ack is the benchmark payload.
 */
final class SocketIoWireSession implements WireSession {

    private static final long JOIN_ACK_ID = 0;

    private final LoadListener listener;
    private final AtomicLong ackIds = new AtomicLong(JOIN_ACK_ID);

    SocketIoWireSession(LoadListener listener) {
        this.listener = listener;
    }

    @Override
    public void open(LoadConnection link) {
        // the server speaks first (the Engine.IO open packet)
    }

    @Override
    public void onFrame(WebSocketFrame frame, LoadConnection link) {
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        String packet = frame.content().toString(StandardCharsets.UTF_8);
        if (packet.isEmpty()) {
            return;
        }
        switch (packet.charAt(0)) {
            case '0' -> link.sendText("40");
            case '2' -> link.sendText("3");
            case '1' -> link.fail("socket.io closed the connection");
            case '4' -> onSocketPacket(packet, link);
            default -> {
                // upgrade/noop packets carry nothing for the benchmark
            }
        }
    }

    private void onSocketPacket(String packet, LoadConnection link) {
        if (packet.length() < 2) {
            return;
        }
        char type = packet.charAt(1);
        switch (type) {
            case '0' -> link.markReady();
            case '1' -> link.fail("socket.io disconnected the namespace");
            case '2' -> deliverFirstString(packet, 2);
            case '3' -> {
                int bracket = packet.indexOf('[');
                if (bracket < 0) {
                    return;
                }
                long id = Long.parseLong(packet.substring(2, bracket));
                if (id == JOIN_ACK_ID) {
                    listener.joined();
                } else {
                    deliverFirstString(packet, bracket);
                }
            }
            case '4' -> link.fail("socket.io connect error: " + packet);
            default -> {
                // binary events are not used
            }
        }
    }

    /** Finds the benchmark payload: the string argument that starts with a kind marker. */
    private void deliverFirstString(String packet, int from) {
        int quote = packet.indexOf('"', from);
        while (quote >= 0) {
            int close = packet.indexOf('"', quote + 1);
            if (close < 0) {
                return;
            }
            if (Payloads.deliver(packet.substring(quote + 1, close), listener)) {
                return;
            }
            quote = packet.indexOf('"', close + 1);
        }
    }

    @Override
    public void echo(LoadConnection link, String payload) {
        link.sendText("42" + ackIds.incrementAndGet() + "[\"echo\",\"" + payload + "\"]");
    }

    @Override
    public void broadcast(LoadConnection link, String payload) {
        link.sendText("42[\"broadcast\",\"" + payload + "\"]");
    }

    @Override
    public boolean join(LoadConnection link, String group) {
        link.sendText("42" + JOIN_ACK_ID + "[\"join\",\"" + group + "\"]");
        return true;
    }

    @Override
    public void sendToGroup(LoadConnection link, String group, String payload) {
        link.sendText("42[\"group\",\"" + group + "\",\"" + payload + "\"]");
    }
}
