package io.hubkit.service.routing;

/**
 * What one hub holds on this instance, for status pages and metrics. Immutable.
 *
 * @param hub               the hub key
 * @param clientConnections client connections held here
 * @param serverConnections app server connections held here
 * @param groups            groups with members here (connections or users)
 */
public record HubSummary(String hub, int clientConnections, int serverConnections, int groups) {
}
