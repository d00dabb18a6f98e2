package io.hubkit.backplane.service.rest;

/**
 * 404: the connection, user or group does not exist (then {@link #errorCode()} says which, e.g.
 * {@code Error.Connection.NotExisted}), or the URL reaches no service (no error code).
 */
public class ServiceNotFoundException extends ServiceRestException {

    private static final long serialVersionUID = 1L;

    public ServiceNotFoundException(String errorCode, String message) {
        super(404, errorCode, message);
    }
}
