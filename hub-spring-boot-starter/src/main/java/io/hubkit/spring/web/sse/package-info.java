/**
 * The Server-Sent Events transport on Spring WebFlux: an event stream for server-to-client
 * messages (text only) and POST requests for the client's.
 */
package io.hubkit.spring.web.sse;
