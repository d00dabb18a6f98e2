package io.hubkit.core.connection;

import io.hubkit.core.protocol.InvocationBinder;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The binder a connection parses with: hub method and upload stream types come from the hub's
 * dispatcher, result types of pending client results from the connection's own table (a result
 * for an id it does not know is skipped by the parser).
 */
final class SessionBinder implements InvocationBinder {

    private final InvocationBinder hub;
    private final ClientResults clientResults;

    SessionBinder(InvocationBinder hub, ClientResults clientResults) {
        this.hub = hub;
        this.clientResults = clientResults;
    }

    @Override
    public List<Type> parameterTypes(String target) {
        return hub.parameterTypes(target);
    }

    @Override
    public Type returnType(String invocationId) {
        Type type = clientResults.resultType(invocationId);
        return type != null ? type : hub.returnType(invocationId);
    }

    @Override
    public Type streamItemType(String streamId) {
        return hub.streamItemType(streamId);
    }
}
