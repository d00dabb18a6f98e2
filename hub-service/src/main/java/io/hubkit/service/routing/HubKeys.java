package io.hubkit.service.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hub names as the service keys them: lower-cased (the wire always carries {@code lower(hub)} or
 * {@code lower(app)_lower(hub)}), validated against the pattern Azure SignalR's emulator uses.
 * Stateless.
 */
public final class HubKeys {

    private static final Pattern VALID = Pattern.compile("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$");

    private HubKeys() {
    }

    /** Whether {@code hub} is an acceptable hub name (letters first, at most 128 characters). */
    public static boolean isValid(String hub) {
        return hub != null && VALID.matcher(hub).matches();
    }

    /**
     * The key of {@code hub}: the name lower-cased.
     *
     * @throws IllegalArgumentException when {@code hub} is not {@linkplain #isValid valid}
     */
    public static String key(String hub) {
        if (!isValid(hub)) {
            throw new IllegalArgumentException("Invalid hub name: " + hub);
        }
        return hub.toLowerCase(Locale.ROOT);
    }
}
