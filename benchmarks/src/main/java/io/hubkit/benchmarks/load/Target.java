package io.hubkit.benchmarks.load;

import io.hubkit.benchmarks.servers.ServerKind;
import java.net.URI;
import java.util.Objects;

/**
 * What a scenario drives: a server kind, the hub protocol for HubKit ({@code json} or
 * {@code messagepack}, {@code null} for the others) and the WebSocket URI.
 */
public record Target(ServerKind kind, String hubProtocol, URI uri) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
        if (kind == ServerKind.HUBKIT && hubProtocol == null) {
            throw new IllegalArgumentException("HubKit needs a hub protocol (json or messagepack)");
        }
    }

    /** The name in the report: {@code hubkit-json}, {@code hubkit-messagepack}, {@code stomp}, … */
    public String label() {
        return hubProtocol == null ? kind.id() : kind.id() + "-" + hubProtocol;
    }

    /** The same target on another server of the same kind. */
    public Target at(URI other) {
        return new Target(kind, hubProtocol, other);
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
