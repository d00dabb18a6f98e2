package io.hubkit.core;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.connection.HubConnectionHandler;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.core.context.BackplaneGroupManager;
import io.hubkit.core.context.BackplaneHubClients;
import io.hubkit.core.context.DefaultHubContext;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubClients;
import io.hubkit.core.context.HubContext;
import io.hubkit.core.dispatch.HubDispatcher;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubMethodCatalog;
import io.hubkit.core.observe.HubObserver;
import io.hubkit.core.observe.HubObserverFactory;
import io.hubkit.core.observe.HubObservers;
import io.hubkit.core.observe.ObservedBackplane;
import io.hubkit.core.protocol.HubProtocols;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * Everything one hub needs at runtime: its methods (analysed once, at {@link Builder#build()}),
 * its backplane, the handler that runs its connections, and its {@link HubContext} for sending
 * from outside the hub. Thread-safe. A transport hands each new connection to
 * {@link #connectionHandler()}; {@link #close()} ends them all and releases the backplane,
 * {@link #shutdownGracefully} lets running invocations answer first. A {@link HubObserver} (from
 * {@link Builder#observers}) watches the hub's connections and its backplane calls.
 */
public final class HubEndpoint {

    private final String name;
    private final Class<?> hubType;
    private final HubOptions options;
    private final Backplane backplane;
    private final HubConnectionHandler connectionHandler;
    private final HubContext<?> hubContext;
    private final HubMethodCatalog catalog;
    private final HubProtocols protocols;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HubEndpoint(String name, Class<?> hubType, HubOptions options, Backplane backplane,
                        HubConnectionHandler connectionHandler, HubContext<?> hubContext, HubMethodCatalog catalog,
                        HubProtocols protocols) {
        this.name = name;
        this.hubType = hubType;
        this.options = options;
        this.backplane = backplane;
        this.connectionHandler = connectionHandler;
        this.hubContext = hubContext;
        this.catalog = catalog;
        this.protocols = protocols;
    }

    /** Starts describing the endpoint of {@code hubInstance}, the (singleton) hub bean. */
    public static Builder builder(Object hubInstance) {
        return new Builder(hubInstance);
    }

    /** The hub's name (default: the hub class's simple name). */
    public String name() {
        return name;
    }

    /** The hub class (the user's class, also when the bean is a generated subclass proxy). */
    public Class<?> hubType() {
        return hubType;
    }

    /** The hub's limits and timers. */
    public HubOptions options() {
        return options;
    }

    /** The names of the methods clients can call. */
    public List<String> methodNames() {
        return List.copyOf(catalog.methodNames());
    }

    /** Runs each of the hub's connections; give it every new transport. */
    public HubConnectionHandler connectionHandler() {
        return connectionHandler;
    }

    /** Sends to the hub's clients from outside the hub. */
    @SuppressWarnings("unchecked")
    public <H> HubContext<H> hubContext() {
        return (HubContext<H>) hubContext;
    }

    /** The backplane every send of this hub goes through. */
    public Backplane backplane() {
        return backplane;
    }

    /** The protocols the hub's clients may choose. */
    public HubProtocols protocols() {
        return protocols;
    }

    /**
     * Shuts the hub down gracefully (see {@link HubConnectionHandler#drain}): no new connections or
     * invocations, running invocations answer within {@code gracePeriod}, then every client gets a
     * Close that allows reconnecting; finally the backplane is closed. Lazy; never fails.
     */
    public Mono<Void> shutdownGracefully(Duration gracePeriod) {
        return connectionHandler.drain(gracePeriod).then(Mono.fromRunnable(this::close));
    }

    /** Ends every live connection (clients may reconnect) and closes the backplane. Idempotent. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connectionHandler.close();
            backplane.close();
        }
    }

    @Override
    public String toString() {
        return "HubEndpoint[" + name + ", " + hubType.getName() + "]";
    }

    /** Describes a {@link HubEndpoint}; not thread-safe. */
    public static final class Builder {

        private final Object hub;
        private Class<?> hubType;
        private String name;
        private HubOptions options = HubOptions.defaults();
        private HubProtocols protocols;
        private BackplaneFactory backplaneFactory = LocalBackplane::new;
        private UserIdProvider userIdProvider = UserIdProvider.PRINCIPAL_NAME;
        private List<HubFilter> filters = List.of();
        private HubObserverFactory observers = HubObserverFactory.NONE;

        private Builder(Object hub) {
            this.hub = Objects.requireNonNull(hub, "hubInstance");
        }

        /** The hub's name; default: the hub class's simple name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The class whose methods are the hub's (default: the bean's class, or its superclass when
         * the bean is a generated {@code $$} subclass such as a Spring CGLIB proxy).
         */
        public Builder hubType(Class<?> hubType) {
            this.hubType = hubType;
            return this;
        }

        public Builder options(HubOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The protocols clients may choose; default {@link HubProtocols#defaults()}. */
        public Builder protocols(HubProtocols protocols) {
            this.protocols = Objects.requireNonNull(protocols, "protocols");
            return this;
        }

        /** Default: {@link LocalBackplane}. */
        public Builder backplaneFactory(BackplaneFactory backplaneFactory) {
            this.backplaneFactory = Objects.requireNonNull(backplaneFactory, "backplaneFactory");
            return this;
        }

        /** Default: the principal's name. */
        public Builder userIdProvider(UserIdProvider userIdProvider) {
            this.userIdProvider = Objects.requireNonNull(userIdProvider, "userIdProvider");
            return this;
        }

        /** Filters around invocations and callbacks, applied in list order. */
        public Builder filters(List<HubFilter> filters) {
            this.filters = List.copyOf(filters);
            return this;
        }

        /** Creates the hub's {@link HubObserver} (called once, by {@link #build()}); default: none. */
        public Builder observers(HubObserverFactory observers) {
            this.observers = Objects.requireNonNull(observers, "observers");
            return this;
        }

        /**
         * Analyses the hub class and creates the backplane.
         *
         * @throws IllegalStateException when the hub class has ambiguous methods (see {@link HubMethodCatalog#of})
         */
        public HubEndpoint build() {
            Class<?> type = hubType != null ? hubType : userClass(hub.getClass());
            String hubName = name != null ? name : type.getSimpleName();
            HubProtocols hubProtocols = protocols != null ? protocols : HubProtocols.defaults();
            HubMethodCatalog catalog = HubMethodCatalog.of(type);
            Backplane backplane = backplaneFactory.create(new BackplaneHubContext(hubName, hubProtocols, options));
            HubObserver observer = HubObservers.guarded(observers.create(hubName, backplane));
            Backplane routing = observer == HubObserver.NONE ? backplane : new ObservedBackplane(backplane, observer);
            HubClients clients = new BackplaneHubClients(routing, options.clientResultTimeout());
            GroupManager groups = new BackplaneGroupManager(routing);
            HubDispatcher dispatcher = new HubDispatcher(hub, catalog, filters, options, clients, groups);
            HubConnectionHandler handler = new HubConnectionHandler(hubProtocols, options, backplane, userIdProvider,
                    dispatcher, observer);
            return new HubEndpoint(hubName, type, options, backplane, handler, new DefaultHubContext<>(clients, groups),
                    catalog, hubProtocols);
        }

        private static Class<?> userClass(Class<?> type) {
            Class<?> current = type;
            while (current.getName().contains("$$") && current.getSuperclass() != null
                    && current.getSuperclass() != Object.class) {
                current = current.getSuperclass();
            }
            return current;
        }
    }
}
