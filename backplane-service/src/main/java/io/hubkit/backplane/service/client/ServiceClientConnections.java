package io.hubkit.backplane.service.client;

import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.server.ServerConnection;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.HubConnectionHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client connections the service routes to one hub of this app server, by connection id.
 * {@code OpenConnection} starts one on the hub's {@link HubConnectionHandler} (given by
 * {@link #attach}); {@code ConnectionData} feeds it; {@code CloseConnection} ends it; a lost server
 * connection aborts every client it carried. Until a handler is attached, new clients are refused
 * with a {@code CloseConnection} that says so. Thread-safe; message methods are called on the
 * carrying server connection's I/O thread, in order.
 */
public final class ServiceClientConnections {

    private static final Logger log = LoggerFactory.getLogger(ServiceClientConnections.class);

    private final String hubName;
    private final ServiceBackplaneOptions options;
    private final Map<String, ServiceClientConnection> byId = new ConcurrentHashMap<>();
    private volatile HubConnectionHandler handler;
    private volatile String defaultPath = "/";

    public ServiceClientConnections(String hubName, ServiceBackplaneOptions options) {
        this.hubName = hubName;
        this.options = options;
    }

    /** Hands later clients to {@code handler}; {@code path} is their request path when the service gives none. */
    public void attach(HubConnectionHandler handler, String path) {
        this.defaultPath = path == null || path.isEmpty() ? "/" : path;
        this.handler = handler;
    }

    public boolean isAttached() {
        return handler != null;
    }

    /** The connection with this id, or {@code null}. */
    public ServiceClientConnection get(String connectionId) {
        return connectionId == null ? null : byId.get(connectionId);
    }

    /** The connections now (a snapshot). */
    public List<ServiceClientConnection> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    /** A client connected to the service and was routed here over {@code carrier}. */
    public void open(ServerConnection carrier, OpenConnectionMessage open) {
        HubConnectionHandler current = handler;
        String id = open.connectionId();
        if (current == null) {
            carrier.send(new CloseConnectionMessage(id, "Hub '" + hubName + "' is not ready on this server",
                    Map.of(), ServiceExtensions.NONE));
            return;
        }
        ServiceClientConnection connection = new ServiceClientConnection(id, carrier, options.maxDataChunk(),
                options.maxClientMessageSize());
        if (byId.putIfAbsent(id, connection) != null) {
            log.warn("The service opened connection {} twice; the second one is refused", id);
            carrier.send(new CloseConnectionMessage(id, "Duplicate connection id", Map.of(), ServiceExtensions.NONE));
            return;
        }
        ConnectionRequest request;
        try {
            request = ConnectionRequests.from(open, defaultPath, options.principalMapper());
        } catch (RuntimeException e) {
            byId.remove(id, connection);
            connection.abort("Invalid connection request");
            log.warn("Refused connection {}: unreadable OpenConnection", id, e);
            return;
        }
        current.handle(connection, connection.inbound(), request)
                .doFinally(signal -> {
                    byId.remove(id, connection);
                    connection.close().subscribe();
                })
                .subscribe(null, e -> log.debug("Connection {} ended with an error", id, e));
    }

    /** Data from a client arrived. */
    public void data(ConnectionDataMessage data) {
        ServiceClientConnection connection = byId.get(data.connectionId());
        if (connection != null) {
            connection.received(data);
        }
    }

    /** The service closed a client connection. */
    public void closed(CloseConnectionMessage close) {
        ServiceClientConnection connection = byId.get(close.connectionId());
        if (connection != null) {
            connection.closedByService();
        }
    }

    /** A client reconnected statefully to the service. */
    public void reconnected(String connectionId) {
        ServiceClientConnection connection = byId.get(connectionId);
        if (connection != null) {
            connection.reconnected();
        }
    }

    /** {@code carrier} dropped: every client it carried is aborted here. */
    public void carrierLost(ServerConnection carrier) {
        for (ServiceClientConnection connection : byId.values()) {
            if (connection.carrier() == carrier) {
                connection.carrierLost();
            }
        }
    }
}
