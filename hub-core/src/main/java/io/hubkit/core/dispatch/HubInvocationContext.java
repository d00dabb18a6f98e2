package io.hubkit.core.dispatch;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What a {@link HubFilter} sees around one hub method invocation. Immutable.
 *
 * @param hub           the hub bean
 * @param hubMethod     the Java method about to run (for annotation lookups, e.g. authorization)
 * @param hubMethodName the name the client called it by
 * @param arguments     the Java arguments in parameter order, injected ones and upload-stream
 *                      {@code Flux}es included (unmodifiable, may hold {@code null}s)
 * @param context       the caller's connection
 * @param clients       the caller's view of the hub's clients
 * @param groups        the hub's group manager
 */
public record HubInvocationContext(Object hub, Method hubMethod, String hubMethodName, List<Object> arguments,
                                   HubCallerContext context, HubCallerClients clients, GroupManager groups) {
}
