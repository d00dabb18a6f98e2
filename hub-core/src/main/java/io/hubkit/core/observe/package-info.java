/**
 * Hooks for watching a hub run, free of any metrics or tracing framework: a {@link io.hubkit.core.observe.HubObserver}
 * per hub hears about connections opening and closing (with their transport, protocol and
 * {@link io.hubkit.core.observe.CloseReason}), messages and bytes in and out, and the latency and
 * failures of backplane calls; {@link io.hubkit.core.observe.BackplaneInspection} lets a backplane
 * describe itself and report its health. The Spring Boot starter adapts these to Micrometer and
 * Actuator.
 */
package io.hubkit.core.observe;
