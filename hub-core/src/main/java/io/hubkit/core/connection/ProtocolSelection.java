package io.hubkit.core.connection;

import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.TransferFormat;

/**
 * Decides which hub protocol a handshake request gets, or why it gets none, with the official
 * server's texts and in its order: unknown protocol, unsupported version, binary protocol on a
 * text-only transport. Stateless.
 *
 * @param protocol the chosen protocol, or {@code null}
 * @param error    the handshake error, or {@code null} when a protocol was chosen
 */
record ProtocolSelection(HubProtocol protocol, String error) {

    static ProtocolSelection of(HandshakeRequestMessage request, HubProtocols protocols, Transport transport) {
        HubProtocol protocol = protocols.find(request.protocol());
        if (protocol == null) {
            return new ProtocolSelection(null, "The protocol '" + request.protocol() + "' is not supported.");
        }
        if (!protocol.isVersionSupported(request.version())) {
            return new ProtocolSelection(null, "The server does not support version " + request.version()
                    + " of the '" + request.protocol() + "' protocol.");
        }
        if (protocol.transferFormat() == TransferFormat.BINARY && !transport.supportsBinary()) {
            return new ProtocolSelection(null, "Cannot use the '" + protocol.name() + "' protocol on the current "
                    + "transport. The transport does not support '" + TransferFormat.BINARY.wireName()
                    + "' transfer format.");
        }
        return new ProtocolSelection(protocol, null);
    }
}
