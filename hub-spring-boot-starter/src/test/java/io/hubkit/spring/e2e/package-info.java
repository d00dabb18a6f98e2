/**
 * End-to-end tests: a Spring Boot test application with test hubs, driven over real sockets by the
 * official SignalR JavaScript client and by raw WebSocket peers, both running in Node.
 */
package io.hubkit.spring.e2e;
