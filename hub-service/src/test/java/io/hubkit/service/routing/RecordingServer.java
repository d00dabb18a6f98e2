package io.hubkit.service.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server connection that records the client-result traffic the routing core hands it. Thread-safe. */
final class RecordingServer implements ServerConnection {

    private final String id;
    private final String hub;
    private final String serverId;
    volatile boolean accepting = true;
    final List<String> routed = new CopyOnWriteArrayList<>();
    final List<String> completions = new CopyOnWriteArrayList<>();

    RecordingServer(String id, String hub, String serverId) {
        this.id = id;
        this.hub = hub;
        this.serverId = serverId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String hub() {
        return hub;
    }

    @Override
    public String serverId() {
        return serverId;
    }

    @Override
    public boolean acceptsClients() {
        return accepting;
    }

    @Override
    public void routeInvocation(String invocationId, String connectionId, String callerServerId,
                                Map<String, byte[]> payloads) {
        routed.add(invocationId + "@" + connectionId + " for " + callerServerId);
    }

    @Override
    public void completeInvocation(String invocationId, String connectionId, String protocol, byte[] payload,
                                   String error) {
        completions.add(invocationId + ":" + (error != null ? "error " + error : "ok " + protocol));
    }
}
