package io.hubkit.service.routing;

import java.time.Instant;

/**
 * A client invocation this instance delivered to one of its clients on behalf of an app server
 * other than the one the client is routed over; the service answers it with an error when the
 * client goes away or {@code deadline} passes without an answer. Immutable.
 *
 * @param hub            the hub key
 * @param invocationId   the invocation's id
 * @param connectionId   the client's connection id
 * @param callerServerId the app server that started the invocation
 * @param deadline       when the service gives up waiting
 */
public record PendingInvocation(String hub, String invocationId, String connectionId, String callerServerId,
                                Instant deadline) {
}
