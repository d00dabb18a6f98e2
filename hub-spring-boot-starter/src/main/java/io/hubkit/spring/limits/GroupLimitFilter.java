package io.hubkit.spring.limits;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import io.hubkit.core.dispatch.HubLifetimeContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Limits the groups a connection may join: hub methods and the connected callback get a
 * {@link GroupManager} (as parameter and in the filter context) that refuses a connection's
 * {@code addToGroup} of itself beyond the limit with
 * {@code HubException: Too many groups: a connection may join <n>.}; an invocation that lets that
 * error through answers {@code "... HubException: Too many groups: ..."} and the connection stays
 * open. Membership changes made through the application's {@code HubContext} outside hub code are
 * not counted. Thread-safe; one instance serves every connection.
 */
public final class GroupLimitFilter implements HubFilter {

    private final int limit;

    public GroupLimitFilter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
        GroupManager original = context.groups();
        GroupManager limited = new ConnectionGroups(original, context.context(), limit);
        List<Object> arguments = new ArrayList<>(context.arguments());
        arguments.replaceAll(argument -> argument == original ? limited : argument);
        return next.invoke(new HubInvocationContext(context.hub(), context.hubMethod(), context.hubMethodName(),
                Collections.unmodifiableList(arguments), context.context(), context.clients(), limited));
    }

    @Override
    public Mono<Void> onConnected(HubLifetimeContext context, LifetimeNext next) {
        GroupManager limited = new ConnectionGroups(context.groups(), context.context(), limit);
        return next.invoke(new HubLifetimeContext(context.hub(), context.context(), context.clients(), limited));
    }
}
