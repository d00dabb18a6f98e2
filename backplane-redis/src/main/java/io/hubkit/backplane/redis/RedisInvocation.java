package io.hubkit.backplane.redis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope of a hub message on the {@code all}, {@code group}, {@code user} and
 * {@code connection} channels: the connections to skip, and the message already framed for each
 * hub protocol (keyed by protocol name, in the sender's order). For a client result it also names
 * the invocation id and the caller's return channel (without the channel prefix), both or neither.
 * Immutable; the payload arrays are not copied and must not be modified.
 */
public record RedisInvocation(List<String> excludedConnectionIds, Map<String, byte[]> payloads,
                              String invocationId, String returnChannel) {

    public RedisInvocation {
        excludedConnectionIds = excludedConnectionIds == null ? List.of() : List.copyOf(excludedConnectionIds);
        Objects.requireNonNull(payloads, "payloads");
        payloads = Collections.unmodifiableMap(new LinkedHashMap<>(payloads));
        if ((invocationId == null) != (returnChannel == null)) {
            throw new IllegalArgumentException("A client-result invocation needs both an invocation id and a return channel");
        }
    }

    /** A plain send: no client result expected. */
    public static RedisInvocation of(List<String> excludedConnectionIds, Map<String, byte[]> payloads) {
        return new RedisInvocation(excludedConnectionIds, payloads, null, null);
    }

    /** Whether the sender awaits a client result on {@link #returnChannel()}. */
    public boolean expectsResult() {
        return invocationId != null;
    }
}
