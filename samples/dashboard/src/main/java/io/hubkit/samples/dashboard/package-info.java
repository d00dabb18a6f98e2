/**
 * The dashboard sample: a page that charts the server's own metrics live. A scheduled job samples
 * them ({@link io.hubkit.samples.dashboard.metrics}) and pushes them through {@code HubContext} to the
 * groups that watch them; the chart is fed by a server-to-client stream; the page invokes a hub method
 * to change what it watches ({@link io.hubkit.samples.dashboard.hub}).
 */
package io.hubkit.samples.dashboard;
