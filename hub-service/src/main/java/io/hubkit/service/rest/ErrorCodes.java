package io.hubkit.service.rest;

/**
 * The {@code x-ms-error-code} values Azure SignalR Service sends with its "not found" answers, and
 * the error codes of the 2022-06-01 {@code ErrorDetail} body.
 */
public final class ErrorCodes {

    /** The response header carrying the code. */
    public static final String HEADER = "x-ms-error-code";

    /** HEAD/GET of a connection that does not exist (and sends or closes of one). */
    public static final String CONNECTION_NOT_EXISTED = "Warning.Connection.NotExisted";
    /** HEAD/GET of a user without connections. */
    public static final String USER_NOT_EXISTED = "Warning.User.NotExisted";
    /** HEAD/GET of a group without connections. */
    public static final String GROUP_NOT_EXISTED = "Warning.Group.NotExisted";
    /** HEAD/GET of a user who is not in the group. */
    public static final String USER_NOT_IN_GROUP = "Info.User.NotInGroup";
    /** PUT of a connection that does not exist into a group. */
    public static final String ADD_CONNECTION_NOT_EXISTED = "Error.Connection.NotExisted";

    /** {@code ErrorDetail.code} of a request that failed validation. */
    public static final String INVALID_REQUEST = "InvalidRequest";
    /** {@code ErrorDetail.code} of a request without a valid token. */
    public static final String UNAUTHORIZED = "Unauthorized";
    /** {@code ErrorDetail.code} of a request whose body is over the limit. */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    /** {@code ErrorDetail.code} of an unexpected failure. */
    public static final String INTERNAL = "InternalServerError";

    private ErrorCodes() {
    }
}
