package io.hubkit.benchmarks.load;

/** What kind of message reached a client; the first byte of every payload says which. */
public enum DeliveryKind {
    /** A broadcast to every connection. */
    BROADCAST('B'),
    /** An echo answered to its sender. */
    ECHO('E'),
    /** A send to one group. */
    GROUP('G');

    private final char marker;

    DeliveryKind(char marker) {
        this.marker = marker;
    }

    /** The payload's first character for this kind. */
    public char marker() {
        return marker;
    }

    /** The kind whose marker is {@code c}, or {@code null}. */
    public static DeliveryKind ofMarker(int c) {
        return switch (c) {
            case 'B' -> BROADCAST;
            case 'E' -> ECHO;
            case 'G' -> GROUP;
            default -> null;
        };
    }
}
