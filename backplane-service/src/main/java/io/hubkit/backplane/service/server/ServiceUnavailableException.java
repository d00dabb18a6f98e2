package io.hubkit.backplane.service.server;

/** A message could not be handed to the service: no server connection is up, or none can take more now. */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
