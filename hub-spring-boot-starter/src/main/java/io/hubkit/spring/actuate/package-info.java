/**
 * Actuator support, active only when Spring Boot Actuator is on the class path: the {@code hubs}
 * endpoint ({@link io.hubkit.spring.actuate.HubsEndpoint}) describing each hub, and the
 * {@code backplane} health indicator ({@link io.hubkit.spring.actuate.BackplaneHealthIndicator}).
 * Both read a hub's backplane through {@link io.hubkit.core.observe.BackplaneInspection}, the seam
 * every backplane implements to report its kind and state.
 */
package io.hubkit.spring.actuate;
