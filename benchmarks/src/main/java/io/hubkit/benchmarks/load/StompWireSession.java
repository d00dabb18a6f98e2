package io.hubkit.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * STOMP 1.2 over a WebSocket, as Spring's STOMP endpoint speaks it: {@code CONNECT} (no
 * heart-beats), then {@code SUBSCRIBE} to {@code /topic/broadcast} and {@code /user/queue/echo};
 * operations are {@code SEND} frames to the peer's {@code @MessageMapping} destinations; a group is
 * a {@code SUBSCRIBE} to {@code /topic/group.<name>} (the simple broker confirms nothing). Every
 * {@code MESSAGE} body is a benchmark payload; an {@code ERROR} frame is a failure.
 */
final class StompWireSession implements WireSession {

    private static final String NUL = "\0";

    private final LoadListener listener;

    StompWireSession(LoadListener listener) {
        this.listener = listener;
    }

    @Override
    public void open(LoadConnection link) {
        link.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n" + NUL);
    }

    @Override
    public void onFrame(WebSocketFrame frame, LoadConnection link) {
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        ByteBuf content = frame.content();
        int start = content.readerIndex();
        int end = content.writerIndex();
        int lineEnd = content.indexOf(start, end, (byte) '\n');
        if (lineEnd < 0) {
            return;
        }
        String command = content.toString(start, lineEnd - start, StandardCharsets.US_ASCII).trim();
        switch (command) {
            case "MESSAGE" -> {
                int bodyStart = bodyStart(content, lineEnd, end);
                if (bodyStart < 0) {
                    return;
                }
                int bodyEnd = content.indexOf(bodyStart, end, (byte) 0);
                String body = content.toString(bodyStart, (bodyEnd < 0 ? end : bodyEnd) - bodyStart,
                        StandardCharsets.UTF_8);
                Payloads.deliver(body, listener);
            }
            case "CONNECTED" -> {
                link.sendText("SUBSCRIBE\nid:broadcast\ndestination:/topic/broadcast\n\n" + NUL);
                link.sendText("SUBSCRIBE\nid:echo\ndestination:/user/queue/echo\n\n" + NUL);
                link.markReady();
            }
            case "ERROR" -> link.fail("STOMP ERROR: " + content.toString(start, end - start, StandardCharsets.UTF_8).trim());
            default -> {
                // heart-beat EOLs and RECEIPTs carry nothing for the benchmark
            }
        }
    }

    /** Index just after the blank line that ends the headers, or -1. */
    private static int bodyStart(ByteBuf content, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (content.getByte(i) == '\n' && content.getByte(i + 1) == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    @Override
    public void echo(LoadConnection link, String payload) {
        send(link, "/app/echo", payload);
    }

    @Override
    public void broadcast(LoadConnection link, String payload) {
        send(link, "/app/broadcast", payload);
    }

    @Override
    public boolean join(LoadConnection link, String group) {
        link.sendText("SUBSCRIBE\nid:group-" + group + "\ndestination:/topic/group." + group + "\n\n" + NUL);
        return false;
    }

    @Override
    public void sendToGroup(LoadConnection link, String group, String payload) {
        send(link, "/app/group/" + group, payload);
    }

    private static void send(LoadConnection link, String destination, String payload) {
        link.sendText("SEND\ndestination:" + destination + "\ncontent-type:text/plain\ncontent-length:"
                + payload.length() + "\n\n" + payload + NUL);
    }
}
