package io.hubkit.spring.security;

import io.hubkit.core.HubAuthorizationException;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import java.util.List;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Checks every hub invocation with Spring Security's method authorization managers (by default
 * those of {@code @PreAuthorize} and {@code @Secured}, which read the annotation from the hub method
 * or else the hub class) and the connection's {@link ConnectionAuthentication authentication}, fixed
 * when the connection opened. A manager that abstains (no annotation) does not count; one denial
 * refuses the call with a {@link HubAuthorizationException}, so the caller gets
 * {@code Failed to invoke 'X' because user is unauthorized}, the hub method does not run and the
 * connection stays open.
 *
 * <p>Runs on the connection's receive thread before the hub method, once per invocation (streaming
 * ones included); the managers evaluate synchronously and must not block. Thread-safe.
 */
public final class HubAuthorizationFilter implements HubFilter {

    private final List<AuthorizationManager<MethodInvocation>> managers;

    public HubAuthorizationFilter(List<AuthorizationManager<MethodInvocation>> managers) {
        this.managers = List.copyOf(managers);
    }

    @Override
    public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
        Authentication authentication = ConnectionAuthentication.of(context.context().user());
        MethodInvocation invocation = new HubMethodInvocation(context);
        for (AuthorizationManager<MethodInvocation> manager : managers) {
            AuthorizationResult result = manager.authorize(() -> authentication, invocation);
            if (result != null && !result.isGranted()) {
                return Mono.error(new HubAuthorizationException("'" + authentication.getName() + "' may not call '"
                        + context.hubMethodName() + "' on connection " + context.context().connectionId()
                        + ": " + result));
            }
        }
        return next.invoke(context);
    }
}
