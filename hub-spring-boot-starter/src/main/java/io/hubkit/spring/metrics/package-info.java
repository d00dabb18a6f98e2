/**
 * Micrometer for hubs: {@link io.hubkit.spring.metrics.HubMetrics} turns the runtime's observer
 * hooks into meters (connections by transport and protocol, connects and disconnects with their
 * reason, messages and bytes, outbound queue depth, groups and users, backplane publish latency and
 * errors), and {@link io.hubkit.spring.metrics.InvocationObservationFilter} wraps every hub method
 * invocation in an {@code Observation} (timers through Boot's meter handler, spans through
 * Micrometer Tracing). Active only when Micrometer is on the class path; the meter names are listed
 * in {@link io.hubkit.spring.metrics.HubMeterNames} and in docs/operations.md.
 */
package io.hubkit.spring.metrics;
