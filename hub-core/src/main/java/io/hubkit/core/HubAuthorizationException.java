package io.hubkit.core;

/**
 * Refuses one hub method invocation because the connection's user may not call it. Thrown by an
 * authorization {@link io.hubkit.core.dispatch.HubFilter}; the caller gets exactly
 * {@code Failed to invoke '<target>' because user is unauthorized} (the text of ASP.NET Core
 * SignalR), whatever the detailed-errors setting, and its connection stays open. The message of
 * this exception is for the server's logs only and never reaches the client.
 */
public class HubAuthorizationException extends RuntimeException {

    public HubAuthorizationException(String message) {
        super(message);
    }

    /** The error text a client sees when its call of {@code target} is refused. */
    public static String clientMessage(String target) {
        return "Failed to invoke '" + target + "' because user is unauthorized";
    }
}
