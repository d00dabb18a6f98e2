package io.hubkit.spring.web.connection;

/** The outcome of a transport request's attempt to take a connection (see {@link NegotiatedConnection#activate}). */
public enum Activation {
    /** The request now carries the connection. */
    ACTIVATED,
    /** Another request of the same transport carries it already (409). */
    ALREADY_ACTIVE,
    /** The connection was started on another transport (400 "Cannot change transports mid-connection"). */
    OTHER_TRANSPORT,
    /** The connection has ended or expired (404). */
    GONE
}
