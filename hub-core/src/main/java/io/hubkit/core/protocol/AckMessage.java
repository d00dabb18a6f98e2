package io.hubkit.core.protocol;

/** Type 8 (stateful reconnect): every message up to {@code sequenceId} was received. */
public record AckMessage(long sequenceId) implements HubMessage {

    @Override
    public int type() {
        return HubMessageType.ACK;
    }
}
