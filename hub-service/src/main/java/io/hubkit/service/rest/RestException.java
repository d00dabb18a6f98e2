package io.hubkit.service.rest;

import java.util.Objects;

/**
 * A REST request that fails with a definite HTTP status: bad input (400), a missing or invalid
 * token (401), a body over the limit (413), a missing connection, user or group (404). Carries the
 * {@code x-ms-error-code} the Azure service sends for it, when there is one. The error handler of
 * the API version turns it into the response (text for v1, a JSON {@code ErrorDetail} for
 * 2022-06-01). Immutable.
 */
public final class RestException extends RuntimeException {

    private final int status;
    private final String errorCode;

    /**
     * @param status    the HTTP status
     * @param errorCode the {@code x-ms-error-code} header value, or {@code null} for none
     * @param message   what went wrong, for the caller
     */
    public RestException(int status, String errorCode, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public static RestException badRequest(String message) {
        return new RestException(400, null, message);
    }

    public static RestException unauthorized(String message) {
        return new RestException(401, null, message);
    }

    public static RestException notFound(String errorCode, String message) {
        return new RestException(404, errorCode, message);
    }

    public static RestException tooLarge(String message) {
        return new RestException(413, null, message);
    }

    public int status() {
        return status;
    }

    /** The {@code x-ms-error-code} value, or {@code null}. */
    public String errorCode() {
        return errorCode;
    }
}
