/**
 * The REST data-plane API of the hub service, wire-compatible with Azure SignalR Service's:
 * {@code /api/v1/hubs/{hub}/…} and {@code /api/hubs/{hub}/…?api-version=2022-06-01} — broadcast,
 * sends to users, groups and connections ({@code :send} bodies as JSON {@code {target, arguments}} or
 * a binary payloads map, see {@link io.hubkit.service.rest.SendBody}), group membership of
 * connections and users (with TTL), existence checks, closing connections, and
 * {@code :generateToken}. Requests are authenticated with bearer tokens signed with the service's
 * access keys ({@link io.hubkit.service.rest.RestAuthenticator}); errors carry Azure's statuses,
 * {@code x-ms-error-code} headers ({@link io.hubkit.service.rest.ErrorCodes}) and, for 2022-06-01,
 * JSON {@code ErrorDetail} bodies. Bodies are limited to 1 MB. Every operation goes through the
 * routing core, so it reaches every instance when the service is scaled out.
 */
package io.hubkit.service.rest;
