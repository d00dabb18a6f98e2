package io.hubkit.service.client;

import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HubProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Collects a client's first bytes until its handshake request is complete, to learn the hub
 * protocol it chose; everything received (the handshake and whatever followed it) is kept so that
 * it can be passed on unchanged. Bounded. Not thread-safe (one connection's inbound stream).
 */
final class ClientHandshakeReader {

    private final int maxSize;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream(256);

    ClientHandshakeReader(int maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * Adds a chunk. Returns the request once complete, {@code null} while more bytes are needed.
     *
     * @throws HubProtocolException for an invalid request, or when {@code maxSize} bytes hold no complete one
     */
    HandshakeRequestMessage add(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        received.write(bytes, 0, bytes.length);
        HandshakeRequestMessage request = HandshakeProtocol.parseRequest(ByteBuffer.wrap(received.toByteArray()));
        if (request == null && received.size() > maxSize) {
            throw new HubProtocolException("The handshake request is larger than " + maxSize + " bytes.");
        }
        return request;
    }

    /** Every byte received so far. */
    byte[] received() {
        return received.toByteArray();
    }
}
