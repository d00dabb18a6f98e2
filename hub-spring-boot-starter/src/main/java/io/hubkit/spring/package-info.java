/**
 * HubKit for Spring Boot: annotate a bean with {@link io.hubkit.spring.Hub} and the starter's
 * auto-configuration discovers it, builds its runtime endpoint and exposes negotiate and the
 * SignalR transports on Spring WebFlux.
 */
package io.hubkit.spring;
