package io.hubkit.benchmarks.servers;

import java.util.Locale;

/**
 * The servers the benchmarks compare, with the WebSocket path each serves its clients on. The
 * payload bytes of every scenario are the same for all of them; only the protocol around the
 * payload differs.
 */
public enum ServerKind {

    /** HubKit's benchmark hub ({@code io.hubkit.benchmarks.apps.hubkit}), SignalR hub protocol. */
    HUBKIT("hubkit", "HubKit", "/hubs/bench"),
    /** Spring WebSocket + STOMP with the simple broker ({@code io.hubkit.benchmarks.apps.stomp}). */
    STOMP("stomp", "Spring STOMP", "/stomp"),
    /** socket.io on Node ({@code node/socketio-server.js}). */
    SOCKETIO("socketio", "socket.io", "/socket.io/?EIO=4&transport=websocket"),
    /** The ceiling: bare Reactor Netty, payload bytes only ({@code io.hubkit.benchmarks.apps.netty}). */
    NETTY("netty", "bare Reactor Netty", "/ws");

    private final String id;
    private final String displayName;
    private final String webSocketPath;

    ServerKind(String id, String displayName, String webSocketPath) {
        this.id = id;
        this.displayName = displayName;
        this.webSocketPath = webSocketPath;
    }

    /** The name used on the command line and in the report ({@code hubkit}, {@code stomp}, …). */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Path (and query) of the WebSocket endpoint. */
    public String webSocketPath() {
        return webSocketPath;
    }

    /** The kind called {@code id}, case-insensitively. */
    public static ServerKind of(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (ServerKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown server '" + id + "'; expected hubkit, stomp, socketio or netty");
    }
}
