package io.hubkit.samples.interop.web;

import java.util.Locale;

/** Path tests of the test contract, matched like ASP.NET Core's {@code StartsWithSegments} (any case). Stateless. */
final class Paths {

    private Paths() {
    }

    /** Whether {@code path} is {@code segment} or starts with {@code segment + "/"}, ignoring case. */
    static boolean startsWithSegment(String path, String segment) {
        String lower = path.toLowerCase(Locale.ROOT);
        String prefix = segment.toLowerCase(Locale.ROOT);
        return lower.equals(prefix) || lower.startsWith(prefix + "/");
    }
}
