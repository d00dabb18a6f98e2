/**
 * The WebSockets transport on Spring WebFlux (Reactor Netty): the upgrade of {@code GET {path}},
 * with or without a negotiated {@code id}, and the adapter that carries a hub connection over the
 * {@code WebSocketSession}.
 */
package io.hubkit.spring.web.websocket;
