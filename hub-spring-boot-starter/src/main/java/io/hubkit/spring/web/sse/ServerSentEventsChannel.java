package io.hubkit.spring.web.sse;

import io.hubkit.spring.web.connection.ConnectionChannel;
import io.hubkit.spring.web.http.ClientSends;

/**
 * The state of one Server-Sent Events connection that later requests need: where its POSTs go.
 * The stream itself lives in its GET request. Thread-safe.
 */
final class ServerSentEventsChannel implements ConnectionChannel {

    private final ClientSends sends = new ClientSends();

    ClientSends sends() {
        return sends;
    }

    /** Ends the connection as if the client had dropped the stream. */
    @Override
    public void expire() {
        sends.clientGone();
    }
}
