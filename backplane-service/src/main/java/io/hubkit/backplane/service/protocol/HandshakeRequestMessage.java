package io.hubkit.backplane.service.protocol;

/**
 * The first message of a server connection, server → service: protocol version and what kind of connection
 * this is.
 *
 * <p>Type 1; wire layout {@code [1, version, connectionType, target, migrationLevel, extensions,
 * allowStatefulReconnects]}; the reader also accepts the shorter arrays of older peers, ending after {@code
 * version}, and ignores elements after the last known one. Immutable value.
 *
 * @param version the service protocol version, {@link ServiceProtocol#VERSION}
 * @param connectionType a {@link ServiceConnectionType} code
 * @param target the service instance an on-demand connection was asked for; written as {@code ""} for a
 *        default connection; never {@code null}
 * @param migrationLevel a {@link MigrationLevel} code
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 * @param allowStatefulReconnects whether the server supports stateful reconnect of its clients
 */
public record HandshakeRequestMessage(
        int version,
        int connectionType,
        String target,
        int migrationLevel,
        ServiceExtensions extensions,
        boolean allowStatefulReconnects)
        implements ExtensibleServiceMessage {

    public HandshakeRequestMessage {
        target = target == null ? "" : target;
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.HANDSHAKE_REQUEST;
    }

    static HandshakeRequestMessage read(ServiceFieldReader in) {
        int version = in.readInt("version");
        int connectionType = in.hasMore() ? in.readInt("connectionType") : 0;
        String target = in.hasMore() ? in.readString("target") : "";
        int migrationLevel = in.hasMore() ? in.readInt("migrationLevel") : 0;
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        boolean allowStatefulReconnects = in.hasMore() ? in.readBoolean("allowStatefulReconnects") : false;
        return new HandshakeRequestMessage(version, connectionType, target, migrationLevel, extensions,
                allowStatefulReconnects);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(7);
        out.writeInt(typeId());
        out.writeInt(version);
        out.writeInt(connectionType);
        out.writeString(connectionType == ServiceConnectionType.DEFAULT.code() ? "" : target);
        out.writeInt(migrationLevel);
        out.writeExtensions(extensions);
        out.writeBoolean(allowStatefulReconnects);
    }
}
