package io.hubkit.core.context;

import reactor.core.publisher.Mono;

/**
 * Adds and removes connections to and from groups. Group names are opaque strings. The returned
 * {@code Mono} completes once the membership change is in effect for later sends (with a scale-out
 * backplane, once the server owning the connection has acknowledged it). Membership ends with the
 * connection.
 */
public interface GroupManager {

    Mono<Void> addToGroup(String connectionId, String groupName);

    Mono<Void> removeFromGroup(String connectionId, String groupName);
}
