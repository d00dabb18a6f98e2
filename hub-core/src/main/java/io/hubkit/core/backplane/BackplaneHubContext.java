package io.hubkit.core.backplane;

import io.hubkit.core.HubOptions;
import io.hubkit.core.protocol.HubProtocols;
import java.util.Objects;

/**
 * What a {@link BackplaneFactory} learns about the hub it creates a backplane for: the hub's name
 * (unique per application, e.g. to name bus channels), the protocols its clients may speak (a
 * scale-out backplane encodes a message once per protocol before publishing it) and its options.
 */
public record BackplaneHubContext(String hubName, HubProtocols protocols, HubOptions options) {

    public BackplaneHubContext {
        Objects.requireNonNull(hubName, "hubName");
        Objects.requireNonNull(protocols, "protocols");
        Objects.requireNonNull(options, "options");
    }
}
