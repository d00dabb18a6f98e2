package io.hubkit.core.protocol;

import java.util.Objects;

/**
 * The first record a client sends: the hub protocol it wants ({@code "json"}, {@code "messagepack"})
 * and the protocol version (1, or 2 when the client negotiated stateful reconnect).
 */
public record HandshakeRequestMessage(String protocol, int version) {

    public HandshakeRequestMessage {
        Objects.requireNonNull(protocol, "protocol");
    }
}
