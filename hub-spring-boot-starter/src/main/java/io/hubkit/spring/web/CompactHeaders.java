package io.hubkit.spring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the request headers a connection keeps for its whole life into a compact immutable map:
 * names lower-cased, values of repeated headers joined in order, the headers that only serve the
 * WebSocket upgrade handshake left out, and well-known names shared by every connection instead of
 * a copy each. The map ({@link Map#ofEntries}) is one array of keys and values, a fraction of an
 * insertion-ordered hash map's entries. Stateless.
 */
final class CompactHeaders {

    /** Headers that only the WebSocket handshake needs; no hub reads them after it. */
    private static final Set<String> UPGRADE_ONLY = Set.of("sec-websocket-key", "sec-websocket-version",
            "sec-websocket-extensions", "upgrade", "connection");

    /** Common request header names, so that each connection's map points at these instead of its own copies. */
    private static final Map<String, String> WELL_KNOWN = wellKnown("accept", "accept-encoding", "accept-language",
            "authorization", "cache-control", "connection", "content-length", "content-type", "cookie", "host",
            "origin", "pragma", "referer", "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-websocket-protocol",
            "traceparent", "tracestate", "user-agent", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port",
            "x-forwarded-proto", "x-real-ip", "x-requested-with", "x-signalr-user-agent");

    private CompactHeaders() {
    }

    /**
     * {@code headers} (name, values) as a compact immutable map;
     * {@code webSocketUpgrade} leaves out the handshake-only headers.
     */
    static Map<String, List<String>> of(Iterable<Map.Entry<String, List<String>>> headers, boolean webSocketUpgrade) {
        List<String> names = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers) {
            String name = canonical(header.getKey());
            if (webSocketUpgrade && UPGRADE_ONLY.contains(name)) {
                continue;
            }
            List<String> headerValues = nonNull(header.getValue());
            int index = names.indexOf(name);
            if (index < 0) {
                names.add(name);
                values.add(headerValues);
            } else {
                List<String> joined = new ArrayList<>(values.get(index));
                joined.addAll(headerValues);
                values.set(index, joined);
            }
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] entries = new Map.Entry[names.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = Map.entry(names.get(i), List.copyOf(values.get(i)));
        }
        return Map.ofEntries(entries);
    }

    /** {@code name} lower-cased, as the shared instance when it is a well-known name. */
    static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String shared = WELL_KNOWN.get(lower);
        return shared != null ? shared : lower;
    }

    private static List<String> nonNull(List<String> values) {
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(value == null ? "" : value);
        }
        return copy;
    }

    private static Map<String, String> wellKnown(String... names) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[names.length];
        for (int i = 0; i < names.length; i++) {
            entries[i] = Map.entry(names[i], names[i]);
        }
        return Map.ofEntries(entries);
    }
}
