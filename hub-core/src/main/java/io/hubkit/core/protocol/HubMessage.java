package io.hubkit.core.protocol;

/**
 * One message of the SignalR hub protocol. Instances are immutable values; every protocol in this
 * package can write and parse every permitted type.
 */
public sealed interface HubMessage
        permits HubInvocationMessage, PingMessage, CloseMessage, AckMessage, SequenceMessage {

    /** The protocol's numeric type: 1 Invocation … 9 Sequence (binding failures report the type they replace). */
    int type();
}
