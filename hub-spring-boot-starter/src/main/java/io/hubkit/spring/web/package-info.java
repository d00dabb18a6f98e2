/**
 * The HTTP side of the hubs on Spring WebFlux: a handler mapping that routes {@code {path}/negotiate}
 * and {@code {path}} of every hub and raw connection endpoint (matched case-insensitively) to the
 * negotiate handler and to the transports,
 * the negotiate protocol, per-endpoint settings (transports, stateful reconnect, CORS), the
 * {@code access_token} query parameter, and the {@link io.hubkit.spring.web.TransportHandler} seam
 * through which each transport (WebSockets, Server-Sent Events, long polling) plugs in.
 */
package io.hubkit.spring.web;
