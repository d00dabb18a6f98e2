package io.hubkit.backplane.redis;

import java.util.Objects;

/**
 * A client's answer to a client result, sent by the server owning the connection to the caller's
 * return channel: the name of the connection's hub protocol and the Completion framed in it.
 * Immutable; the array is not copied and must not be modified.
 */
public record RedisCompletion(String protocolName, byte[] completion) {

    public RedisCompletion {
        Objects.requireNonNull(protocolName, "protocolName");
        Objects.requireNonNull(completion, "completion");
    }
}
