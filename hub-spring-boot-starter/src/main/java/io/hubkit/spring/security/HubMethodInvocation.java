package io.hubkit.spring.security;

import io.hubkit.core.dispatch.HubInvocationContext;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;

/**
 * One hub invocation seen as an AOP {@link MethodInvocation}, the form Spring Security's method
 * authorization managers judge: the hub method, the hub bean as target (so annotations on the hub
 * class count) and the bound arguments (so expressions such as {@code #room == 'lobby'} work).
 * For authorization only: the hub runs through the filter chain, so {@link #proceed()} refuses.
 * Immutable.
 */
final class HubMethodInvocation implements MethodInvocation {

    private final HubInvocationContext invocation;

    HubMethodInvocation(HubInvocationContext invocation) {
        this.invocation = invocation;
    }

    @Override
    public Method getMethod() {
        return invocation.hubMethod();
    }

    @Override
    public Object[] getArguments() {
        return invocation.arguments().toArray();
    }

    @Override
    public Object proceed() {
        throw new UnsupportedOperationException("A hub invocation proceeds through its HubFilter chain");
    }

    @Override
    public Object getThis() {
        return invocation.hub();
    }

    @Override
    public AccessibleObject getStaticPart() {
        return invocation.hubMethod();
    }

    @Override
    public String toString() {
        return "hub invocation of " + invocation.hubMethod();
    }
}
