package io.hubkit.core.protocol;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The hub protocols a server offers, looked up by the name a client sends in its handshake
 * (matched case-insensitively, as the official server does). Immutable and thread-safe.
 */
public final class HubProtocols {

    private final Map<String, HubProtocol> byName;

    private HubProtocols(Map<String, HubProtocol> byName) {
        this.byName = byName;
    }

    /** JSON and MessagePack with their default payload mappers. */
    public static HubProtocols defaults() {
        return of(List.of(new JsonHubProtocol(), new MessagePackHubProtocol()));
    }

    /** Exactly {@code protocols}; a later protocol with the same name replaces an earlier one. */
    public static HubProtocols of(Collection<? extends HubProtocol> protocols) {
        Map<String, HubProtocol> byName = new LinkedHashMap<>();
        for (HubProtocol protocol : protocols) {
            Objects.requireNonNull(protocol, "protocol");
            byName.put(key(protocol.name()), protocol);
        }
        return new HubProtocols(Collections.unmodifiableMap(byName));
    }

    /** Exactly {@code protocols}. */
    public static HubProtocols of(HubProtocol... protocols) {
        return of(List.of(protocols));
    }

    /** The protocol called {@code name}, or {@code null} when none is. */
    public HubProtocol find(String name) {
        return name == null ? null : byName.get(key(name));
    }

    /** Every protocol offered, in the order given. */
    public Collection<HubProtocol> all() {
        return byName.values();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "HubProtocols" + byName.keySet();
    }
}
