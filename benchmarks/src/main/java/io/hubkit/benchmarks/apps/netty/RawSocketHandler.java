package io.hubkit.benchmarks.apps.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The ceiling server's WebSocket logic. Each text frame from a client is one command, its first
 * byte saying which:
 * <ul>
 *   <li>{@code E<payload>}: the payload comes back to the sender;</li>
 *   <li>{@code B<payload>}: the payload goes to every connection;</li>
 *   <li>{@code J<group>}: the sender joins the group;</li>
 *   <li>{@code G<group>|<payload>}: the payload goes to every member of the group.</li>
 * </ul>
 * A fan-out copies the payload into one buffer and hands each channel a retained duplicate of it
 * (no copy per connection), grouped by event loop: one task per loop writes to all of that loop's
 * channels (the sender's own loop writes at once), rather than one task per channel. Each channel's
 * flushes are consolidated by Netty's {@link FlushConsolidationHandler}, so several frames pending
 * for one socket leave in one write.
 * Thread-safe: the channel sets are concurrent, and Netty serialises each channel's writes.
 */
final class RawSocketHandler {

    private static final int EXPLICIT_FLUSH_AFTER_FLUSHES = 256;

    private final Set<Channel> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Channel>> groups = new ConcurrentHashMap<>();

    long connectionCount() {
        return all.size();
    }

    Publisher<Void> handle(WebsocketInbound inbound, WebsocketOutbound outbound) {
        Channel[] holder = new Channel[1];
        inbound.withConnection(connection -> {
            Channel channel = connection.channel();
            holder[0] = channel;
            channel.pipeline().addFirst(new FlushConsolidationHandler(EXPLICIT_FLUSH_AFTER_FLUSHES, true));
            all.add(channel);
            channel.closeFuture().addListener(future -> forget(channel));
        });
        return inbound.receiveFrames()
                .doOnNext(frame -> onFrame(holder[0], frame))
                .then();
    }

    private void onFrame(Channel sender, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame) || sender == null) {
            return;
        }
        ByteBuf content = frame.content();
        if (!content.isReadable()) {
            return;
        }
        byte command = content.readByte();
        switch (command) {
            case 'E' -> sender.writeAndFlush(new TextWebSocketFrame(content.retainedSlice()), sender.voidPromise());
            case 'B' -> fanOut(all, content);
            case 'J' -> groups.computeIfAbsent(content.toString(StandardCharsets.UTF_8), name -> ConcurrentHashMap.newKeySet())
                    .add(sender);
            case 'G' -> {
                int separator = content.indexOf(content.readerIndex(), content.writerIndex(), (byte) '|');
                if (separator < 0) {
                    return;
                }
                String group = content.toString(content.readerIndex(), separator - content.readerIndex(),
                        StandardCharsets.UTF_8);
                content.readerIndex(separator + 1);
                Set<Channel> members = groups.get(group);
                if (members != null) {
                    fanOut(members, content);
                }
            }
            default -> {
                // unknown commands are ignored: the ceiling has no error protocol
            }
        }
    }

    private static void fanOut(Set<Channel> targets, ByteBuf payload) {
        ByteBuf shared = ByteBufAllocator.DEFAULT.directBuffer(payload.readableBytes());
        shared.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
        Map<EventLoop, List<Channel>> byLoop = new HashMap<>();
        for (Channel channel : targets) {
            byLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(channel);
        }
        try {
            for (Map.Entry<EventLoop, List<Channel>> entry : byLoop.entrySet()) {
                EventLoop loop = entry.getKey();
                Runnable writes = writeAll(entry.getValue(), shared.retain());
                if (loop.inEventLoop()) {
                    writes.run();
                } else {
                    loop.execute(writes);
                }
            }
        } finally {
            shared.release();
        }
    }

    /** Writes {@code shared} to every one of {@code channels} (all on one loop), then releases it. */
    private static Runnable writeAll(List<Channel> channels, ByteBuf shared) {
        return () -> {
            try {
                for (Channel channel : channels) {
                    channel.writeAndFlush(new TextWebSocketFrame(shared.retainedDuplicate()), channel.voidPromise());
                }
            } finally {
                shared.release();
            }
        };
    }

    private void forget(Channel channel) {
        all.remove(channel);
        for (Set<Channel> members : groups.values()) {
            members.remove(channel);
        }
    }
}
