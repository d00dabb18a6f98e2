package io.hubkit.backplane.redis;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol-keyed payload map of an invocation envelope: the message framed by every protocol
 * the hub offers, in the hub's order (as ASP.NET Core's {@code DefaultHubMessageSerializer} does
 * with the hub's supported protocols). Each protocol encodes once, through the message's cache.
 */
final class InvocationPayloads {

    private InvocationPayloads() {
    }

    static Map<String, byte[]> of(SerializedHubMessage message, HubProtocols protocols) {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        for (HubProtocol protocol : protocols.all()) {
            payloads.put(protocol.name(), message.encoded(protocol));
        }
        return payloads;
    }
}
