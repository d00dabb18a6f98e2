package io.hubkit.core.protocol;

/**
 * The server's answer to a handshake: {@code error} is {@code null} on success, otherwise the
 * reason shown to the client, after which the server ends the connection.
 */
public record HandshakeResponseMessage(String error) {

    /** The successful answer, written as {@code {}}. */
    public static final HandshakeResponseMessage SUCCESS = new HandshakeResponseMessage(null);

    /** Whether the handshake succeeded (no error, or an empty one, which clients also accept). */
    public boolean isSuccess() {
        return error == null || error.isEmpty();
    }
}
