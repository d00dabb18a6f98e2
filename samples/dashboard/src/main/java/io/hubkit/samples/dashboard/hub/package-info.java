/**
 * The dashboard's hub ({@link io.hubkit.samples.dashboard.hub.DashboardHub}), what it calls on the
 * page ({@link io.hubkit.samples.dashboard.hub.DashboardClient}), its groups, and the scheduled job
 * that samples the metrics and pushes them to those groups through {@code HubContext}
 * ({@link io.hubkit.samples.dashboard.hub.MetricsPublisher}).
 */
package io.hubkit.samples.dashboard.hub;
