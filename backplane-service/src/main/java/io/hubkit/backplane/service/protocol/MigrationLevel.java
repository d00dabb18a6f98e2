package io.hubkit.backplane.service.protocol;

/**
 * Whether the service may move this server's clients to another server, sent in
 * {@link HandshakeRequestMessage#migrationLevel()}.
 */
public enum MigrationLevel {

    /** Clients are never migrated. */
    OFF(0),

    /** Clients are migrated when this server shuts down gracefully. */
    SHUTDOWN_ONLY(1),

    /** Clients may be migrated at any time. */
    ANY(2);

    private final int code;

    MigrationLevel(int code) {
        this.code = code;
    }

    /** The number that stands for this value on the wire. */
    public int code() {
        return code;
    }

    /**
     * The value {@code code} stands for.
     *
     * @throws IllegalArgumentException for a code this version does not know
     */
    public static MigrationLevel of(int code) {
        for (MigrationLevel value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown MigrationLevel " + code);
    }
}
