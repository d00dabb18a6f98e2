package io.hubkit.benchmarks.load;

import io.hubkit.benchmarks.servers.ServerKind;
import java.net.URI;
import java.util.Objects;

/**
 * What a scenario drives: a server kind, the hub protocol for HubKit ({@code json} or
 * {@code messagepack}, {@code null} for the others), the WebSocket URI, and whether clients reach
 * the hub through a hub service: then each connection first negotiates with the app server at
 * {@code uri} and opens its WebSocket where the answer redirects it (see {@link ServiceRedirect});
 * otherwise it opens the WebSocket at {@code uri} directly.
 */
public record Target(ServerKind kind, String hubProtocol, URI uri, boolean viaService) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
        if (kind == ServerKind.HUBKIT && hubProtocol == null) {
            throw new IllegalArgumentException("HubKit needs a hub protocol (json or messagepack)");
        }
        if (viaService && kind != ServerKind.HUBKIT) {
            throw new IllegalArgumentException("only HubKit servers hand their clients to a hub service");
        }
    }

    /** A target whose clients connect to {@code uri} directly. */
    public Target(ServerKind kind, String hubProtocol, URI uri) {
        this(kind, hubProtocol, uri, false);
    }

    /** The name in the report: {@code hubkit-json}, {@code hubkit-messagepack}, {@code stomp}, … */
    public String label() {
        return hubProtocol == null ? kind.id() : kind.id() + "-" + hubProtocol;
    }

    /** The same target on another server of the same kind. */
    public Target at(URI other) {
        return new Target(kind, hubProtocol, other, viaService);
    }

    /** A new protocol session for one connection. */
    public WireSession newSession(LoadListener listener) {
        return switch (kind) {
            case HUBKIT -> new SignalRWireSession(hubProtocol, listener);
            case STOMP -> new StompWireSession(listener);
            case SOCKETIO -> new SocketIoWireSession(listener);
            case NETTY -> new RawWireSession(listener);
        };
    }
}
