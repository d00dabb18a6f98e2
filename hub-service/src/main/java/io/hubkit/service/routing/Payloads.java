package io.hubkit.service.routing;

import java.util.Map;

/**
 * Picks the entry of a payloads map ({@code protocol name -> fully framed hub message bytes}, as the
 * service protocol and the binary REST body carry it) for a client's hub protocol. Names are
 * compared case-insensitively, as the service does. Stateless.
 */
public final class Payloads {

    private Payloads() {
    }

    /** The bytes for {@code protocol}, or {@code null} when {@code payloads} has none for it. */
    public static byte[] select(Map<String, byte[]> payloads, String protocol) {
        if (payloads == null || protocol == null) {
            return null;
        }
        byte[] exact = payloads.get(protocol);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, byte[]> entry : payloads.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(protocol)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
