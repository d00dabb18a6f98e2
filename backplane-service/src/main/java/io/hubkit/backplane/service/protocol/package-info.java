/**
 * The service protocol between an app server and a hub service (HubKit's hub-service or Azure
 * SignalR Service): one immutable record per message type (ids 1–40), all implementing the sealed
 * {@link io.hubkit.backplane.service.protocol.ServiceMessage}; the optional
 * {@link io.hubkit.backplane.service.protocol.ServiceExtensions}; the enums of the wire's numbers; and
 * the codec: {@link io.hubkit.backplane.service.protocol.ServiceProtocol} writes framed messages
 * byte-for-byte as the reference implementation does, and
 * {@link io.hubkit.backplane.service.protocol.ServiceMessageReader} reads them back from a byte stream,
 * accepting the shorter arrays of older peers, any integer width and unknown message types and
 * extension keys (skipped), within a size limit per message.
 *
 * <p>Everything here is a value or stateless except {@code ServiceMessageReader}, which holds one
 * connection's partial input.
 */
package io.hubkit.backplane.service.protocol;
