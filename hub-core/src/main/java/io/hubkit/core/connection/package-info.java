/**
 * One client connection's life: the {@link io.hubkit.core.connection.Transport} SPI that carries
 * bytes (WebSockets, Server-Sent Events, long polling, or a service's multiplexed connection), the
 * request that opened it, and the handler that runs handshake, dispatch, keep-alive and timeouts.
 * The core never knows which transport carries a connection.
 */
package io.hubkit.core.connection;
