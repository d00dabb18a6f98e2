package io.hubkit.backplane.service.auth;

/**
 * An access token was refused; {@link #reason()} says why, so the service can answer 401 with a
 * clear message. The message never contains the token or a key.
 */
public class AccessTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** Not a compact JWS, not JSON, a required claim missing or of the wrong type, or too long. */
        MALFORMED,
        /** Signed with an algorithm other than HS256 or HS512 (including {@code none}). */
        UNSUPPORTED_ALGORITHM,
        /** The signature matches none of the configured keys. */
        BAD_SIGNATURE,
        /** {@code exp} has passed (beyond the allowed clock skew). */
        EXPIRED,
        /** {@code nbf} is still in the future (beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** {@code aud} does not name the resource the token was presented to. */
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public AccessTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
