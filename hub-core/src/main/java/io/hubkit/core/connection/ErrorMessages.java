package io.hubkit.core.connection;

import io.hubkit.core.HubException;
import io.hubkit.core.protocol.HubProtocolException;

/**
 * Builds the error texts clients see, as ASP.NET Core SignalR does: the fixed message alone, or
 * followed by {@code " <ExceptionType>: <message>"} when the cause is a {@link HubException} (its
 * text is meant for clients) or when detailed errors are on. Protocol errors are named
 * {@code InvalidDataException}, as the official server names them. Stateless.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * @param message  the fixed text, e.g. {@code "Connection closed with an error."}
     * @param cause    what went wrong, or {@code null}
     * @param detailed whether detailed errors are enabled
     */
    public static String build(String message, Throwable cause, boolean detailed) {
        if (cause != null && (detailed || cause instanceof HubException)) {
            return message + " " + typeName(cause) + ": " + cause.getMessage();
        }
        return message;
    }

    /** The exception type name a client sees: {@code HubException}, {@code InvalidDataException}, or the Java simple name. */
    public static String typeName(Throwable cause) {
        if (cause instanceof HubException) {
            return "HubException";
        }
        if (cause instanceof HubProtocolException) {
            return "InvalidDataException";
        }
        return cause.getClass().getSimpleName();
    }
}
