package io.hubkit.core.protocol;

import java.lang.reflect.Type;
import java.util.List;

/**
 * The binder of one vector case, like the official tests' {@code TestBinder}: the same parameter
 * types for every target, and one type for both results and stream items. A {@code null} return
 * type means "no call pending": asking for it throws, as the official binder does.
 */
final class VectorBinder implements InvocationBinder {

    private final List<Type> parameterTypes;
    private final Type returnType;

    VectorBinder(List<Type> parameterTypes, Type returnType) {
        this.parameterTypes = parameterTypes;
        this.returnType = returnType;
    }

    @Override
    public List<Type> parameterTypes(String target) {
        if (parameterTypes == null) {
            throw new HubProtocolException("Method does not exist.");
        }
        return parameterTypes;
    }

    @Override
    public Type returnType(String invocationId) {
        if (returnType == null) {
            throw new IllegalStateException("No pending invocation " + invocationId);
        }
        return returnType;
    }

    @Override
    public Type streamItemType(String streamId) {
        return returnType == null ? Object.class : returnType;
    }
}
