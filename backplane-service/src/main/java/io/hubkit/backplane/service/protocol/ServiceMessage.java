package io.hubkit.backplane.service.protocol;

/**
 * One message of the service protocol spoken between an app server and a hub service (HubKit's
 * hub-service or Azure SignalR Service) over a server connection. Each message type is an immutable
 * record whose components are the wire fields in wire order; {@link ServiceProtocol} encodes and
 * decodes them. Implementations are values: safe to share between threads.
 */
public sealed interface ServiceMessage permits ExtensibleServiceMessage, PingMessage, ServiceErrorMessage {

    /** The type id written as the first element of the message's array, one of {@link ServiceMessageType}. */
    int typeId();
}
