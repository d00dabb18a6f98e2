/**
 * The Spring WebSocket + STOMP peer: what a Spring user builds today without HubKit. Servlet stack
 * (Tomcat), plain WebSocket endpoint {@code /stomp} (no SockJS), the simple in-memory broker,
 * {@code @MessageMapping} controllers for the same operations as the HubKit benchmark hub, and
 * {@code GET /bench/stats}. Started as its own process by the load tool.
 */
package io.hubkit.benchmarks.apps.stomp;
