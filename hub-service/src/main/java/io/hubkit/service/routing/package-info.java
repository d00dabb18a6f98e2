/**
 * The hub service's routing core, free of any web framework: per hub (hub key lower-cased) the
 * client connections this service instance holds, their groups and users, the app server
 * connections clients are routed over, and the operations of the service protocol and the REST
 * API (sends with a payloads map, group and user membership, existence checks, closing).
 *
 * <p>{@link io.hubkit.service.routing.ServiceRouter} is the entry point. Every operation is a
 * {@link io.hubkit.service.routing.RoutingOperation} value: the router applies it to this instance
 * ({@link io.hubkit.service.routing.LocalRouting}) and publishes it once on the
 * {@link io.hubkit.service.routing.ServiceBus}, whose other instances apply it on receipt, so each
 * instance applies each operation exactly once.
 */
package io.hubkit.service.routing;
