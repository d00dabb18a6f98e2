package io.hubkit.core.connection;

/** Creates the {@link ConnectionDispatcher} of each new connection of one hub. Thread-safe. */
@FunctionalInterface
public interface ConnectionDispatcherFactory {

    ConnectionDispatcher create(HubConnection connection);
}
