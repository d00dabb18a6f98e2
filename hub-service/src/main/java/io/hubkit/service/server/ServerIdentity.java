package io.hubkit.service.server;

/**
 * Who a server connection belongs to, as its upgrade request said. Immutable.
 *
 * @param hub            the hub key
 * @param connectionId   the server connection's id ({@code cid})
 * @param serverId       the app server's id ({@code nameid} of its token)
 * @param target         the service instance the server was asked to connect to ({@code target}), or {@code null}
 */
public record ServerIdentity(String hub, String connectionId, String serverId, String target) {
}
