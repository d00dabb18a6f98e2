package io.hubkit.core.protocol;

import java.lang.reflect.Type;
import java.util.List;

/**
 * Tells a parser which Java types to bind message payloads to, so that arguments arrive as the
 * hub method's parameter types whichever protocol the client chose. Implementations belong to the
 * runtime (one per connection); they are called on the connection's receive path only.
 */
public interface InvocationBinder {

    /**
     * The wire parameter types of {@code target} (upload streams and injected parameters excluded),
     * matched case-insensitively.
     *
     * @throws HubProtocolException with the message {@code "Method does not exist."} for an unknown
     *         target; the parser turns it into an {@link InvocationBindingFailureMessage}
     */
    List<Type> parameterTypes(String target);

    /**
     * The type a Completion's result for {@code invocationId} binds to. {@link RawResult}{@code .class}
     * keeps the result's bytes unbound. {@code null} (or an exception) means no such call is
     * pending: the parser then skips the result and yields the Completion with a {@code null}
     * result, which the runtime ignores.
     */
    Type returnType(String invocationId);

    /**
     * The element type of the upload stream {@code streamId} ({@code Object.class} if unknown). An
     * exception makes the parser yield a {@link StreamBindingFailureMessage} for the item.
     */
    Type streamItemType(String streamId);
}
