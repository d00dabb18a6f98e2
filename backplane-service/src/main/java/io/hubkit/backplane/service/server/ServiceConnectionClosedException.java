package io.hubkit.backplane.service.server;

/** Why a server connection ended: the service closed it, refused it, fell silent or sent bad data. */
public final class ServiceConnectionClosedException extends RuntimeException {

    public ServiceConnectionClosedException(String message) {
        super(message);
    }

    public ServiceConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
