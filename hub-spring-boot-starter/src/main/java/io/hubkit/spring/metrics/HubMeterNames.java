package io.hubkit.spring.metrics;

/**
 * The names and tag keys of HubKit's meters, following Micrometer's conventions (lower-case,
 * dot-separated; base units given on the meters, so registries such as Prometheus add their own
 * suffixes: {@code hubkit_data_sent_bytes_total}). Every meter has the {@value #TAG_HUB} tag.
 */
public final class HubMeterNames {

    /** Gauge: open connections. Tags: hub, transport, protocol. */
    public static final String CONNECTIONS_ACTIVE = "hubkit.connections.active";
    /** Counter: connections that completed their handshake. Tags: hub, transport, protocol. */
    public static final String CONNECTIONS_OPENED = "hubkit.connections.opened";
    /**
     * Counter: connections that ended. Tags: hub, transport, protocol, reason ({@code client_closed},
     * {@code client_disconnected}, {@code client_timeout}, {@code protocol_error}, {@code slow_consumer},
     * {@code transport_error}, {@code server_shutdown}, {@code aborted}, {@code server_error}).
     */
    public static final String CONNECTIONS_CLOSED = "hubkit.connections.closed";
    /**
     * Counter: hub messages received. Tags: hub, transport, protocol, type ({@code invocation},
     * {@code stream_item}, {@code completion}, {@code stream_invocation}, {@code cancel_invocation},
     * {@code ping}, {@code close}, {@code ack}, {@code sequence}).
     */
    public static final String MESSAGES_RECEIVED = "hubkit.messages.received";
    /** Counter: hub messages written to clients. Tags: hub, transport, protocol. */
    public static final String MESSAGES_SENT = "hubkit.messages.sent";
    /** Counter (bytes): hub message bytes received, framing included. Tags: hub, transport, protocol. */
    public static final String DATA_RECEIVED = "hubkit.data.received";
    /** Counter (bytes): hub message bytes written to clients. Tags: hub, transport, protocol. */
    public static final String DATA_SENT = "hubkit.data.sent";
    /** Gauge: messages waiting in the hub's outbound queues, all connections together. Tags: hub. */
    public static final String OUTBOUND_QUEUED = "hubkit.outbound.queued";
    /** Gauge: groups with a member on this server. Tags: hub (only for backplanes that report it). */
    public static final String GROUPS = "hubkit.groups";
    /** Gauge: distinct users connected to this server. Tags: hub (only for backplanes that report it). */
    public static final String USERS = "hubkit.users";
    /**
     * Timer: sends and group changes handed to the backplane, from subscription to completion. Tags:
     * hub, backplane, operation ({@code send_all}, {@code send_group}, … {@code add_to_group}),
     * outcome ({@code success}, {@code error}), exception.
     */
    public static final String BACKPLANE_PUBLISH = "hubkit.backplane.publish";
    /**
     * The {@code Observation} around each hub method invocation; Boot's meter handler makes it a
     * timer of this name (and a {@code .active} long task timer). Tags: hub, method, streaming,
     * outcome ({@code success}, {@code error}, {@code cancelled}), error.
     */
    public static final String INVOCATIONS = "hubkit.invocations";

    public static final String TAG_HUB = "hub";
    public static final String TAG_TRANSPORT = "transport";
    public static final String TAG_PROTOCOL = "protocol";
    public static final String TAG_REASON = "reason";
    public static final String TAG_TYPE = "type";
    public static final String TAG_BACKPLANE = "backplane";
    public static final String TAG_OPERATION = "operation";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_EXCEPTION = "exception";
    public static final String TAG_METHOD = "method";
    public static final String TAG_STREAMING = "streaming";

    private HubMeterNames() {
    }
}
