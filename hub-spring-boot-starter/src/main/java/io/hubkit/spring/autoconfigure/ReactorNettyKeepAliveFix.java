package io.hubkit.spring.autoconfigure;

/**
 * Works around a Reactor Netty 1.3.7 bug (the version Spring Boot 4.1.1 brings): on an HTTP/1.1
 * keep-alive connection, a request that arrives before the previous exchange has fully terminated
 * is buffered, and after it is served the connection may stop reading, so the next request on
 * that socket hangs until the client gives up (reactor-netty issues 4361 and 4347, fixed in 1.3.8).
 * Long polling makes this frequent: clients send the next poll or POST the moment a response
 * arrives. Setting {@value #PROPERTY} makes Reactor Netty dispatch such a request at once instead of
 * buffering it, which avoids the lost read for clients that do not pipeline (browsers and the
 * official clients do not).
 *
 * <p>Applied once, before the web server starts, unless the application set the property itself.
 * Reactor Netty reads it when its HTTP server classes load.
 */
final class ReactorNettyKeepAliveFix {

    /** Reactor Netty's system property. */
    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    private ReactorNettyKeepAliveFix() {
    }

    /** Sets {@value #PROPERTY} to {@code true} unless it is set already. */
    static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
