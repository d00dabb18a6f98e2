package io.hubkit.core.protocol;

/**
 * Type 7: the sender ends the connection. {@code error} is {@code null} for a normal close;
 * {@code allowReconnect} tells the client it may reconnect (written only when true).
 */
public record CloseMessage(String error, boolean allowReconnect) implements HubMessage {

    /** A bare close: no error, no reconnect hint. */
    public static final CloseMessage EMPTY = new CloseMessage(null, false);

    @Override
    public int type() {
        return HubMessageType.CLOSE;
    }
}
