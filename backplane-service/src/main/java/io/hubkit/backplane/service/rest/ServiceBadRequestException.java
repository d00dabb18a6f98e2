package io.hubkit.backplane.service.rest;

/** 400: the service refused an argument (a name too long, an empty group, …); retrying cannot help. */
public class ServiceBadRequestException extends ServiceRestException {

    private static final long serialVersionUID = 1L;

    public ServiceBadRequestException(String errorCode, String message) {
        super(400, errorCode, message);
    }
}
