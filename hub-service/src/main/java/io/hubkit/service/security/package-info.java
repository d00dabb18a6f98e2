/**
 * Access tokens of clients and app servers: where a request carries its token, how it is verified
 * (HS256 with any configured access key, audience and lifetime as Azure SignalR Service checks
 * them) and the principal a verified client token becomes.
 */
package io.hubkit.service.security;
