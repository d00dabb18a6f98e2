/**
 * Bearer-token authentication of the interop server: HS256 test tokens (nimbus-jose-jwt), the
 * principal they stand for, and the filter that applies them and protects {@code /authorizedhub}.
 */
package io.hubkit.samples.interop.security;
