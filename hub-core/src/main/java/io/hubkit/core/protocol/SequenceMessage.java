package io.hubkit.core.protocol;

/** Type 9 (stateful reconnect): the next message the sender sends has number {@code sequenceId}. */
public record SequenceMessage(long sequenceId) implements HubMessage {

    @Override
    public int type() {
        return HubMessageType.SEQUENCE;
    }
}
