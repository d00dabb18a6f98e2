package io.hubkit.spring.endpoint;

import java.util.Locale;

/**
 * Normalises hub URL paths and turns them into case-insensitive lookup keys. Stateless.
 */
public final class HubPaths {

    private HubPaths() {
    }

    /**
     * {@code path} with a leading {@code /} and without trailing {@code /}s; the root stays {@code /}.
     *
     * @throws IllegalArgumentException for a blank path
     */
    public static String normalize(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A hub path must not be blank");
        }
        String trimmed = path.trim();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        int end = withSlash.length();
        while (end > 1 && withSlash.charAt(end - 1) == '/') {
            end--;
        }
        return withSlash.substring(0, end);
    }

    /** The key two paths share when they differ only in case or trailing slashes. */
    public static String key(String path) {
        return normalize(path).toLowerCase(Locale.ROOT);
    }
}
