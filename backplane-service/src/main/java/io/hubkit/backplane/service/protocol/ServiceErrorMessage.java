package io.hubkit.backplane.service.protocol;

/**
 * The service reports an error on this server connection; a non-empty message means the connection is no
 * longer usable.
 *
 * <p>Type 15; wire layout {@code [15, errorMessage]}; the reader also accepts the shorter arrays of older
 * peers, ending after {@code errorMessage}, and ignores elements after the last known one. Immutable value.
 *
 * @param errorMessage the error text
 */
public record ServiceErrorMessage(String errorMessage) implements ServiceMessage {

    public ServiceErrorMessage {
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.SERVICE_ERROR;
    }

    static ServiceErrorMessage read(ServiceFieldReader in) {
        String errorMessage = in.readString("errorMessage");
        return new ServiceErrorMessage(errorMessage);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(2);
        out.writeInt(typeId());
        out.writeString(errorMessage);
    }
}
