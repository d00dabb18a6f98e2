/**
 * Connection strings and access tokens of the service, as the reference SDK has them:
 * {@link io.hubkit.backplane.service.auth.ServiceConnectionString} parses a connection string,
 * {@link io.hubkit.backplane.service.auth.ServiceEndpoint} derives a hub's client and server URLs and
 * token audiences from it, {@link io.hubkit.backplane.service.auth.AccessTokenIssuer} signs HS256
 * tokens with the access key and {@link io.hubkit.backplane.service.auth.AccessTokenValidator} checks
 * them on the service side (signature against every configured key, lifetime, audience per
 * {@link io.hubkit.backplane.service.auth.TokenAudience}). All types are immutable or stateless and
 * thread-safe.
 */
package io.hubkit.backplane.service.auth;
