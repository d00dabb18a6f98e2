package io.hubkit.service.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client connection that records what the routing core does to it. Thread-safe. */
final class RecordingClient implements ClientConnection {

    private final String id;
    private final String hub;
    private final String userId;
    private final String protocol;
    private final String serverConnectionId;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> closeReasons = new CopyOnWriteArrayList<>();
    /** Runs on close, e.g. to unregister as a real connection does. */
    volatile Runnable onClose = () -> { };

    RecordingClient(String id, String hub, String userId, String protocol, String serverConnectionId) {
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.protocol = protocol;
        this.serverConnectionId = serverConnectionId;
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
    public String userId() {
        return userId;
    }

    @Override
    public List<Claim> claims() {
        return List.of();
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String serverConnectionId() {
        return serverConnectionId;
    }

    @Override
    public void send(byte[] framedMessage) {
        received.add(new String(framedMessage, StandardCharsets.UTF_8));
    }

    @Override
    public void close(String reason) {
        closeReasons.add(String.valueOf(reason));
        onClose.run();
    }
}
