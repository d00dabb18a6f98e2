package io.hubkit.samples.interop.hubs;

import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.connection.ConnectionEndpoint;
import io.hubkit.spring.connection.ConnectionHandler;
import io.hubkit.spring.connection.RawConnection;
import reactor.core.publisher.Mono;

/**
 * The raw {@code /echo} endpoint (no hub protocol): sends every chunk it receives straight back, as
 * text, until the client goes away. Like the official test server it ends a connection at once
 * whose request carries no {@code testCookie} cookie (the cookie negotiate sets; the
 * {@code withCredentials} tests check that cross-site requests go without it).
 */
@ConnectionEndpoint(path = "/echo", name = "Echo")
public class EchoConnectionHandler implements ConnectionHandler {

    @Override
    public Mono<Void> onConnected(RawConnection connection) {
        if (connection.info().cookie("testCookie") == null) {
            return Mono.empty();
        }
        return connection.receive()
                .concatMap(chunk -> connection.send(chunk, TransferFormat.TEXT))
                .then();
    }
}
