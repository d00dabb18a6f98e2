package io.hubkit.benchmarks.load;

/**
 * The payload every scenario sends: its kind's marker, the sender's {@link System#nanoTime()} in
 * decimal, a {@code |}, then {@code x} up to the requested size — for example
 * {@code B8234112877341|xxxxxxxx}. Only ASCII letters, digits and {@code |}, so it needs no escaping
 * in JSON, STOMP or socket.io and is the same bytes on every server. All load connections live in
 * one process, so send and receive times come from the same clock.
 */
public final class Payloads {

    private Payloads() {
    }

    /** A payload of {@code size} characters (at least the marker, the time and the bar). */
    public static String create(DeliveryKind kind, long sentNanos, int size) {
        StringBuilder builder = new StringBuilder(Math.max(size, 24));
        builder.append(kind.marker()).append(sentNanos).append('|');
        while (builder.length() < size) {
            builder.append('x');
        }
        return builder.toString();
    }

    /** Reports {@code payload} to {@code listener}; returns false when it is not a benchmark payload. */
    public static boolean deliver(CharSequence payload, LoadListener listener) {
        if (payload == null || payload.length() < 3) {
            return false;
        }
        DeliveryKind kind = DeliveryKind.ofMarker(payload.charAt(0));
        if (kind == null) {
            return false;
        }
        long nanos = 0;
        boolean negative = false;
        int i = 1;
        if (payload.charAt(i) == '-') {
            negative = true;
            i++;
        }
        int digits = 0;
        for (; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            nanos = nanos * 10 + (c - '0');
            digits++;
        }
        if (digits == 0 || i >= payload.length() || payload.charAt(i) != '|') {
            return false;
        }
        listener.delivered(kind, negative ? -nanos : nanos);
        return true;
    }
}
