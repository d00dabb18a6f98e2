/**
 * Operating the service: health ({@code /api/health}, {@code /api/v1/health} and Actuator),
 * Micrometer meters (connections per hub, server connections, messages in and out) and the status
 * page ({@code /status}, fed by {@code /status.json}).
 */
package io.hubkit.service.operations;
