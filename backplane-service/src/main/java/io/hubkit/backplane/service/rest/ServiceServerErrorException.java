package io.hubkit.backplane.service.rest;

/** 5xx: the service failed or is unavailable; the client has already retried where that is safe. */
public class ServiceServerErrorException extends ServiceRestException {

    private static final long serialVersionUID = 1L;

    public ServiceServerErrorException(int status, String errorCode, String message) {
        super(status, errorCode, message);
    }
}
