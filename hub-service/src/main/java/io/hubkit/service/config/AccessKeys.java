package io.hubkit.service.config;

import java.util.List;

/**
 * The access keys the service accepts tokens signed with, in configuration order (the first is the
 * one the printed connection string names). Immutable.
 *
 * @param keys        the keys, at least one
 * @param development whether {@code keys} is the built-in development key (no key was configured)
 */
public record AccessKeys(List<String> keys, boolean development) {

    /** The key Azure SignalR's emulator prints; used when none is configured, so never for production. */
    public static final String DEVELOPMENT_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    public AccessKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one access key is needed");
        }
    }

    /** The configured keys (blank entries ignored), or the development key when there are none. */
    public static AccessKeys from(List<String> configured) {
        List<String> keys = configured == null ? List.of()
                : configured.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).toList();
        return keys.isEmpty() ? new AccessKeys(List.of(DEVELOPMENT_KEY), true) : new AccessKeys(keys, false);
    }

    /** The first key. */
    public String primary() {
        return keys.get(0);
    }
}
