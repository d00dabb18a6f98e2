/**
 * The service backplane: a {@link io.hubkit.core.backplane.Backplane} that hands an application's
 * client connections to a hub service (HubKit's hub-service, or Azure SignalR Service in default
 * mode). {@link io.hubkit.backplane.service.ServiceBackplaneFactory} creates one
 * {@link io.hubkit.backplane.service.ServiceBackplane} per hub from
 * {@link io.hubkit.backplane.service.ServiceBackplaneOptions} (a connection string is all it needs);
 * the sub-packages hold the server connections, the clients routed to this server, the negotiate
 * redirect, the service protocol, connection strings and tokens, and the REST client.
 */
package io.hubkit.backplane.service;
