package io.hubkit.core.protocol;

import java.lang.reflect.Type;

/**
 * The error texts both hub protocols share, worded exactly as the official implementation words
 * them (clients and tests compare them verbatim).
 */
final class ProtocolErrors {

    static final String BINDING_ARGUMENTS = "Error binding arguments. Make sure that the types of the provided values "
            + "match the types of the hub method being invoked.";
    static final String BINDING_STREAM_ITEM = "Error binding stream item.";

    private ProtocolErrors() {
    }

    static HubProtocolException argumentCountMismatch(int provided, int expected) {
        return new HubProtocolException(
                "Invocation provides " + provided + " argument(s) but target expects " + expected + ".");
    }

    static HubProtocolException bindingArguments(Throwable cause) {
        return new HubProtocolException(BINDING_ARGUMENTS, cause);
    }

    static HubProtocolException bindingStreamItem(Throwable cause) {
        return new HubProtocolException(BINDING_STREAM_ITEM + " " + cause.getMessage(), cause);
    }

    /** The Completion error the parser produces when a client result does not bind to the awaited type. */
    static String resultBindingError(Type type, String detail) {
        return "Error trying to deserialize result to " + DotNetTypeNames.of(type) + ". " + detail;
    }

    /**
     * Turns whatever a binder threw into the failure a binding-failure message carries: a
     * {@link HubProtocolException} as it is, anything else wrapped with its own message.
     */
    static HubProtocolException fromBinder(RuntimeException e) {
        return e instanceof HubProtocolException hpe ? hpe : new HubProtocolException(String.valueOf(e.getMessage()), e);
    }
}
