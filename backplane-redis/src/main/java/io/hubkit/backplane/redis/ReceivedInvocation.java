package io.hubkit.backplane.redis;

import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An invocation received from Redis, handed to local connections as the frames the sender
 * encoded: each connection gets the payload of its protocol, wrapped once per protocol in a
 * {@link SerializedHubMessage} shared by every connection of that protocol. A connection whose
 * protocol the sender did not encode gets nothing (logged once per message); ASP.NET Core would
 * abort such a connection instead. Used by one thread (the one that received the message).
 */
final class ReceivedInvocation implements Function<HubConnection, SerializedHubMessage> {

    private static final Logger log = LoggerFactory.getLogger(ReceivedInvocation.class);

    private final RedisInvocation invocation;
    private final String channel;
    private final Map<String, SerializedHubMessage> byProtocol = new HashMap<>(4);
    private boolean missingLogged;

    ReceivedInvocation(RedisInvocation invocation, String channel) {
        this.invocation = invocation;
        this.channel = channel;
    }

    RedisInvocation invocation() {
        return invocation;
    }

    @Override
    public SerializedHubMessage apply(HubConnection connection) {
        return forProtocol(connection.protocol());
    }

    /** The message in {@code protocol}, or {@code null} if the sender did not encode it. */
    SerializedHubMessage forProtocol(HubProtocol protocol) {
        SerializedHubMessage cached = byProtocol.get(protocol.name());
        if (cached != null) {
            return cached;
        }
        byte[] frame = invocation.payloads().get(protocol.name());
        if (frame == null) {
            if (!missingLogged) {
                missingLogged = true;
                log.warn("A message on {} has no '{}' encoding (it has {}): connections using that protocol do not "
                        + "get it. Servers sharing this Redis must offer the same protocols.", channel, protocol.name(),
                        invocation.payloads().keySet());
            }
            return null;
        }
        SerializedHubMessage serialized = SerializedHubMessage.preEncoded(null, protocol, frame);
        byProtocol.put(protocol.name(), serialized);
        return serialized;
    }
}
