package io.hubkit.core.protocol;

import java.lang.reflect.Type;

/** How both protocols ask a binder for the type of a Completion's result. */
final class ResultTypes {

    private ResultTypes() {
    }

    /**
     * The type to bind a result for {@code invocationId} to, or {@code null} when the binder knows
     * no such invocation (it returned {@code null} or threw): the result is then skipped and the
     * Completion passed on with a {@code null} result, for the runtime to ignore. This happens when
     * a client answers a call the server already gave up on.
     */
    static Type lookup(InvocationBinder binder, String invocationId) {
        try {
            return binder.returnType(invocationId);
        } catch (RuntimeException unknownInvocation) {
            return null;
        }
    }
}
