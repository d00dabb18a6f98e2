package io.hubkit.backplane.service.rest;

/** 401 or 403: the service refused the access token (wrong key, clock skew, audience). */
public class ServiceUnauthorizedException extends ServiceRestException {

    private static final long serialVersionUID = 1L;

    public ServiceUnauthorizedException(int status, String errorCode, String message) {
        super(status, errorCode, message);
    }
}
