package io.hubkit.core.observe;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.protocol.HubMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A hub observer that records everything it hears, per connection id. Thread-safe. */
final class RecordingObserver implements HubObserver, HubObserverFactory {

    /** What one connection's observer heard. */
    static final class Connection implements ConnectionObserver {

        final String transport;
        final String protocol;
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger receivedBytes = new AtomicInteger();
        final AtomicInteger sentMessages = new AtomicInteger();
        final AtomicInteger sentBytes = new AtomicInteger();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        final AtomicInteger closeCalls = new AtomicInteger();

        Connection(HubConnection connection) {
            this.transport = connection.transport();
            this.protocol = connection.protocol().name();
        }

        @Override
        public void messageReceived(HubMessage message, int bytes) {
            received.add(message.getClass().getSimpleName());
            receivedBytes.addAndGet(bytes);
        }

        @Override
        public void messagesSent(int messages, int bytes) {
            sentMessages.addAndGet(messages);
            sentBytes.addAndGet(bytes);
        }

        @Override
        public void closed(CloseReason reason, Throwable error) {
            closeCalls.incrementAndGet();
            closed.complete(reason);
        }
    }

    /** One backplane call as reported. */
    record Call(BackplaneOperation operation, long nanos, Throwable error) {
    }

    final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile String hubName;
    volatile Backplane backplane;

    @Override
    public HubObserver create(String hubName, Backplane backplane) {
        this.hubName = hubName;
        this.backplane = backplane;
        return this;
    }

    @Override
    public ConnectionObserver connectionOpened(HubConnection connection) {
        Connection recorded = new Connection(connection);
        connections.put(connection.connectionId(), recorded);
        return recorded;
    }

    @Override
    public void backplaneCall(BackplaneOperation operation, long durationNanos, Throwable error) {
        calls.add(new Call(operation, durationNanos, error));
    }

    Connection connection(String connectionId) {
        Connection recorded = connections.get(connectionId);
        if (recorded == null) {
            throw new AssertionError("No connection " + connectionId + " was observed; saw " + connections.keySet());
        }
        return recorded;
    }
}
