package io.hubkit.benchmarks.load;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling server's command frames ({@code E}, {@code B}, {@code J}, {@code G} followed by the
 * argument, see the bare Netty server): what comes back is the payload alone, nothing around it.
 * The server confirms nothing.
 */
final class RawWireSession implements WireSession {

    private final LoadListener listener;

    RawWireSession(LoadListener listener) {
        this.listener = listener;
    }

    @Override
    public void open(LoadConnection link) {
        link.markReady();
    }

    @Override
    public void onFrame(WebSocketFrame frame, LoadConnection link) {
        if (frame instanceof TextWebSocketFrame) {
            Payloads.deliver(frame.content().toString(StandardCharsets.US_ASCII), listener);
        }
    }

    @Override
    public void echo(LoadConnection link, String payload) {
        link.sendText("E" + payload);
    }

    @Override
    public void broadcast(LoadConnection link, String payload) {
        link.sendText("B" + payload);
    }

    @Override
    public boolean join(LoadConnection link, String group) {
        link.sendText("J" + group);
        return false;
    }

    @Override
    public void sendToGroup(LoadConnection link, String group, String payload) {
        link.sendText("G" + group + "|" + payload);
    }
}
