/**
 * The long-polling transport on Spring WebFlux: polls held open until the server has data (or a
 * timeout), POST requests for the client's messages, DELETE to end the connection.
 */
package io.hubkit.spring.web.longpolling;
