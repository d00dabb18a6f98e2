package io.hubkit.samples.interop.hubs;

import io.hubkit.core.annotation.OnConnected;
import io.hubkit.spring.Hub;

/**
 * The contract's hub "whose construction fails" at {@code /uncreatable}. Hub beans are singletons
 * here, so the failure happens where a .NET server creates the hub for a new connection: in the
 * connected callback. Clients are closed with
 * {@code Connection closed with an error. InvalidOperationException: Unable to resolve service …}.
 */
@Hub("/uncreatable")
public class UncreatableHub {

    @OnConnected
    public void connected() {
        throw new InvalidOperationException("Unable to resolve service for type 'System.Object' while attempting to "
                + "activate 'FunctionalTests.UncreatableHub'.");
    }

    public String echo(String message) {
        return message;
    }
}
