package io.hubkit.backplane.service.server;

import java.net.URI;

/**
 * Where and as whom a server connection connects: the service's {@code /server/} URL of a hub and
 * a freshly signed access token for it. Implementations are thread-safe.
 */
public interface ServiceAccess {

    /**
     * The WebSocket URL {@code {serverEndpoint}server/?hub={hubKey}&cid={connectionId}[&target={target}]}.
     *
     * @param target the service instance an on-demand connection is for, or {@code null}
     */
    URI serverUrl(String hubKey, String connectionId, String target);

    /** A new server token for the hub (audience {@code {base}server/?hub={hubKey}}, {@code nameid} = server id). */
    String serverToken(String hubKey);

    /** This app server's id. */
    String serverId();
}
