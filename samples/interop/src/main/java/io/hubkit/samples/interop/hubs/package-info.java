/**
 * The hubs of the test contract ({@code /testhub}, {@code /testhub-nowebsockets}, {@code /uncreatable},
 * {@code /authorizedhub}), the routing hub for scale-out tests, the raw {@code /echo} endpoint, and
 * their payload types.
 */
package io.hubkit.samples.interop.hubs;
