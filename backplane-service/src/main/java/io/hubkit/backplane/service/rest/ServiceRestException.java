package io.hubkit.backplane.service.rest;

/**
 * The service answered a REST call with an error status. Subclasses name the statuses callers
 * handle differently: {@link ServiceBadRequestException} (400), {@link ServiceUnauthorizedException}
 * (401, 403), {@link ServiceNotFoundException} (404) and {@link ServiceServerErrorException} (5xx).
 * The message holds the method, the path (never the token) and the service's own error text.
 */
public class ServiceRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    public ServiceRestException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The service's {@code x-ms-error-code} header (e.g. {@code Warning.Connection.NotExisted}), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    static ServiceRestException of(int status, String errorCode, String message) {
        if (status == 400) {
            return new ServiceBadRequestException(errorCode, message);
        }
        if (status == 401 || status == 403) {
            return new ServiceUnauthorizedException(status, errorCode, message);
        }
        if (status == 404) {
            return new ServiceNotFoundException(errorCode, message);
        }
        if (status >= 500) {
            return new ServiceServerErrorException(status, errorCode, message);
        }
        return new ServiceRestException(status, errorCode, message);
    }
}
