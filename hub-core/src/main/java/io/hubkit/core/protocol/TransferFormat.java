package io.hubkit.core.protocol;

/** How a protocol's frames travel: as UTF-8 text or as binary. Negotiate advertises these names. */
public enum TransferFormat {
    TEXT("Text"),
    BINARY("Binary");

    private final String wireName;

    TransferFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the negotiate response ({@code "Text"}, {@code "Binary"}). */
    public String wireName() {
        return wireName;
    }
}
