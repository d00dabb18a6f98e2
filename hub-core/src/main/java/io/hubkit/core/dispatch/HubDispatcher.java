package io.hubkit.core.dispatch;

import io.hubkit.core.HubOptions;
import io.hubkit.core.connection.ConnectionDispatcher;
import io.hubkit.core.connection.ConnectionDispatcherFactory;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubClients;
import java.util.List;
import java.util.Objects;

/**
 * Dispatches the messages of one hub's connections to its hub bean: creates a dispatcher per
 * connection holding that connection's running invocations, streams and limits. The hub bean is
 * shared by every connection (a singleton, like a Spring bean), so its methods must be
 * thread-safe. Immutable and thread-safe.
 */
public final class HubDispatcher implements ConnectionDispatcherFactory {

    private final Object hub;
    private final HubMethodCatalog catalog;
    private final FilterChain filters;
    private final HubOptions options;
    private final HubClients clients;
    private final GroupManager groups;

    /**
     * @param hub     the hub bean
     * @param catalog its methods ({@link HubMethodCatalog#of})
     * @param filters the filters to run around invocations and callbacks, in order
     * @param options the hub's options
     * @param clients the hub's clients (through its backplane)
     * @param groups  the hub's group manager
     */
    public HubDispatcher(Object hub, HubMethodCatalog catalog, List<HubFilter> filters, HubOptions options,
                         HubClients clients, GroupManager groups) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.filters = new FilterChain(Objects.requireNonNull(filters, "filters"));
        this.options = Objects.requireNonNull(options, "options");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.groups = Objects.requireNonNull(groups, "groups");
        if (!catalog.hubType().isInstance(hub)) {
            throw new IllegalArgumentException(hub.getClass().getName() + " is not a " + catalog.hubType().getName());
        }
    }

    @Override
    public ConnectionDispatcher create(HubConnection connection) {
        return new ConnectionHubDispatcher(this, connection);
    }

    Object hub() {
        return hub;
    }

    HubMethodCatalog catalog() {
        return catalog;
    }

    FilterChain filters() {
        return filters;
    }

    HubOptions options() {
        return options;
    }

    HubClients clients() {
        return clients;
    }

    GroupManager groups() {
        return groups;
    }
}
