package io.hubkit.spring;

import java.util.Locale;

/**
 * The SignalR transports, with the names clients know them by. Used to restrict which transports
 * an endpoint offers ({@link Hub#transports()}, {@code hubkit.transports},
 * {@code hubkit.endpoints.<name>.transports}). Negotiate lists them in declaration order.
 */
public enum TransportType {

    /** A WebSocket per connection; text frames for JSON, binary frames for MessagePack. */
    WEB_SOCKETS("WebSockets"),

    /** An event stream from server to client, POST requests from client to server; text only. */
    SERVER_SENT_EVENTS("ServerSentEvents"),

    /** Polls held open until there is data, POST requests from client to server. */
    LONG_POLLING("LongPolling");

    private final String wireName;

    TransportType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in negotiate responses and in the hub's connection info, e.g. {@code WebSockets}. */
    public String wireName() {
        return wireName;
    }

    /** The transport called {@code wireName} (any case), or {@code null}. */
    public static TransportType fromWireName(String wireName) {
        if (wireName == null) {
            return null;
        }
        String key = wireName.toLowerCase(Locale.ROOT);
        for (TransportType type : values()) {
            if (type.wireName.toLowerCase(Locale.ROOT).equals(key)) {
                return type;
            }
        }
        return null;
    }
}
