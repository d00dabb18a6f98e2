/**
 * Logical client connections: the clients the hub service routes to this app server, each a
 * {@link io.hubkit.core.connection.Transport} multiplexed on a server connection and run by the
 * hub's {@link io.hubkit.core.connection.HubConnectionHandler} like any other connection.
 */
package io.hubkit.backplane.service.client;
