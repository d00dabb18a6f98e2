/**
 * The SignalR hub protocol as data: the nine message types, the JSON and MessagePack encodings,
 * the handshake, and {@link io.hubkit.core.protocol.SerializedHubMessage}, which caches one
 * message's encoding per protocol. Nothing here holds connection or runtime state; every public
 * type is immutable or stateless and safe to share between threads.
 *
 * <ul>
 * <li>{@link io.hubkit.core.protocol.JsonHubProtocol} and
 *     {@link io.hubkit.core.protocol.MessagePackHubProtocol} parse from a byte stream (several
 *     messages per buffer, a message across buffers) and write whole framed records, with the
 *     official server's field order and error texts; payload values go through a Jackson
 *     {@code ObjectMapper} bound to the hub method's parameter types by an
 *     {@link io.hubkit.core.protocol.InvocationBinder}.</li>
 * <li>{@link io.hubkit.core.protocol.TextMessageFraming} (0x1E) and
 *     {@link io.hubkit.core.protocol.BinaryMessageFraming} (VarInt length prefix) cut records.</li>
 * <li>{@link io.hubkit.core.protocol.HandshakeProtocol} reads and writes the JSON handshake that
 *     opens every connection; {@link io.hubkit.core.protocol.HubProtocols} finds the protocol it
 *     names.</li>
 * <li>{@link io.hubkit.core.protocol.BoundedMessageReader} enforces the per-message size limit
 *     while parsing.</li>
 * </ul>
 */
package io.hubkit.core.protocol;
