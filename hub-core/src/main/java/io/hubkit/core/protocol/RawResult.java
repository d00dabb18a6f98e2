package io.hubkit.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Completion result kept as the bytes the client sent, in the encoding of the protocol that
 * read it, without binding it to a type. A parser produces one when the binder's
 * {@link InvocationBinder#returnType(String)} is {@code RawResult.class}; the writer of the same
 * protocol copies the bytes back verbatim. This lets a server forward a client result it cannot
 * type (e.g. to the server awaiting it, over a backplane). Writing it with another protocol is an
 * error. Immutable; the array is not copied and must not be modified.
 */
public record RawResult(String protocol, byte[] bytes) {

    public RawResult {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawResult r && r.protocol.equals(protocol) && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return protocol.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawResult[" + protocol + ", " + bytes.length + " bytes]";
    }

    void requireProtocol(String writer) {
        if (!protocol.equals(writer)) {
            throw new IllegalArgumentException(
                    "A RawResult read by the '" + protocol + "' protocol cannot be written by the '" + writer + "' protocol");
        }
    }
}
