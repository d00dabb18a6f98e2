/**
 * Server connections: the WebSockets this app server keeps open to the hub service's
 * {@code /server/} endpoint, per hub a {@link io.hubkit.backplane.service.server.ServerConnectionPool}
 * of {@link io.hubkit.backplane.service.server.ServerConnection}s (handshake, keep-alive, reconnect
 * with back-off, on-demand connections, acknowledgements, graceful shutdown).
 */
package io.hubkit.backplane.service.server;
