package io.hubkit.test;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.core.protocol.InvocationBinder;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.List;

/**
 * The client side's binding: every argument, item and result is kept as a JSON tree and bound to a
 * type only when a test asks for one. A client does not know in advance how many arguments a
 * server-to-client invocation carries, so the inbox counts them in each record first and sets
 * {@link #nextArgumentCount}. Used by the inbox's decoding thread only.
 */
final class ClientBinder implements InvocationBinder {

    private int nextArgumentCount;

    void nextArgumentCount(int count) {
        this.nextArgumentCount = count;
    }

    @Override
    public List<Type> parameterTypes(String target) {
        return Collections.nCopies(nextArgumentCount, JsonNode.class);
    }

    @Override
    public Type returnType(String invocationId) {
        return JsonNode.class;
    }

    @Override
    public Type streamItemType(String streamId) {
        return JsonNode.class;
    }
}
