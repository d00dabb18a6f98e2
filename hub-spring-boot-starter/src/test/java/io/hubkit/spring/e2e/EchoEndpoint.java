package io.hubkit.spring.e2e;

import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.connection.ConnectionEndpoint;
import io.hubkit.spring.connection.ConnectionHandler;
import io.hubkit.spring.connection.RawConnection;
import reactor.core.publisher.Mono;

/**
 * A raw connection endpoint: greets with the transport's name, then echoes every chunk it receives
 * as one text message.
 */
@ConnectionEndpoint("/raw/echo")
public class EchoEndpoint implements ConnectionHandler {

    @Override
    public Mono<Void> onConnected(RawConnection connection) {
        return connection.sendText("hello over " + connection.info().transport())
                .thenMany(connection.receive().concatMap(bytes -> connection.send(bytes, TransferFormat.TEXT)))
                .then();
    }
}
