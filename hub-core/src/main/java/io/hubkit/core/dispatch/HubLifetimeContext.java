package io.hubkit.core.dispatch;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;

/**
 * What a {@link HubFilter} sees around a connected or disconnected callback: the hub bean and the
 * connection's context, clients and groups. Immutable.
 */
public record HubLifetimeContext(Object hub, HubCallerContext context, HubCallerClients clients,
                                 GroupManager groups) {
}
