/**
 * {@link io.hubkit.backplane.service.rest.ServiceClient}, a reactive client of the service's REST
 * data-plane API (version 2022-06-01) on Reactor Netty: per-request HS256 tokens, bounded
 * timeouts and response reads, retries only where the reference allows them, and errors mapped to
 * {@link io.hubkit.backplane.service.rest.ServiceRestException} and its subclasses. The client is
 * thread-safe; everything else here is immutable.
 */
package io.hubkit.backplane.service.rest;
