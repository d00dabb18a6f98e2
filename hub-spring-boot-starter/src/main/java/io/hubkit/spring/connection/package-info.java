/**
 * Raw connection endpoints: the SPI ({@link io.hubkit.spring.connection.ConnectionHandler},
 * {@link io.hubkit.spring.connection.RawConnection}) for connections that carry the application's
 * own bytes over the SignalR transports, without the hub protocol, and the annotation that maps a
 * handler bean to a path.
 */
package io.hubkit.spring.connection;
