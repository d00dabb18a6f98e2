package io.hubkit.service.config;

/**
 * How the service treats clients, as Azure SignalR Service's service modes do.
 */
public enum ServiceMode {

    /**
     * Clients are tunnelled to an app server of their hub connected on {@code /server}; a hub
     * without a connected app server refuses new clients (negotiate answers 503).
     */
    DEFAULT,

    /**
     * No app servers: the service runs the hub protocol for clients itself and reports their
     * events to upstream webhooks; applications send through the REST API.
     */
    SERVERLESS
}
