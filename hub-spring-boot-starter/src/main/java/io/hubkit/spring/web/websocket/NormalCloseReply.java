package io.hubkit.spring.web.websocket;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers a client's close frame that carries no status code with close 1000 (normal closure)
 * instead of an empty close frame, as the official server does: Reactor Netty echoes a status-less
 * close as is, which a browser reports as code 1005 ("no status received") where the official
 * clients' tests expect a clean 1000. Close frames with a status are left alone. Stateless and
 * shared by every connection.
 */
@ChannelHandler.Sharable
final class NormalCloseReply extends ChannelOutboundHandlerAdapter {

    /** The name under which it sits in a WebSocket connection's pipeline. */
    static final String NAME = "hubkit.normalCloseReply";

    static final NormalCloseReply INSTANCE = new NormalCloseReply();

    private NormalCloseReply() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof CloseWebSocketFrame close && close.statusCode() == -1) {
            ReferenceCountUtil.release(close);
            ctx.write(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE), promise);
            return;
        }
        super.write(ctx, msg, promise);
    }
}
