package io.hubkit.core.protocol;

/** Type 6: keep-alive, no payload. Use {@link #INSTANCE}. */
public record PingMessage() implements HubMessage {

    public static final PingMessage INSTANCE = new PingMessage();

    @Override
    public int type() {
        return HubMessageType.PING;
    }
}
