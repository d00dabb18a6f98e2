package io.hubkit.backplane.service;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payloads map of a multi-target send: one entry per hub protocol the hub offers, its name to
 * the complete framed hub message. The message is encoded once per protocol (a
 * {@link SerializedHubMessage} shared by the entries), whatever the number of receivers; the
 * service picks each client's entry. Stateless and thread-safe.
 */
final class InvocationPayloads {

    private InvocationPayloads() {
    }

    /** The non-blocking invocation of {@code method} with {@code args}, in every protocol of {@code protocols}. */
    static Map<String, byte[]> of(HubProtocols protocols, String method, Object[] args) {
        return of(protocols, serialized(method, args));
    }

    /** The non-blocking invocation of {@code method} with {@code args}, not encoded yet. */
    static SerializedHubMessage serialized(String method, Object[] args) {
        Object[] arguments = args == null ? new Object[0] : args.clone();
        return new SerializedHubMessage(InvocationMessage.nonBlocking(method,
                Collections.unmodifiableList(Arrays.asList(arguments))));
    }

    /** {@code message} in every protocol of {@code protocols}. */
    static Map<String, byte[]> of(HubProtocols protocols, SerializedHubMessage message) {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        for (HubProtocol protocol : protocols.all()) {
            payloads.put(protocol.name(), message.encoded(protocol));
        }
        return payloads;
    }
}
