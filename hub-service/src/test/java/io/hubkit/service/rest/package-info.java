/**
 * Tests of the REST API over real HTTP: statuses, {@code x-ms-error-code} headers, error bodies,
 * authentication failures, limits, {@code :send} body parsing, and backplane-service's Java REST
 * client ({@code ServiceClient}) against the running service with an official JavaScript client
 * connected. {@link io.hubkit.service.rest.RestCalls} is the raw HTTP helper other packages reuse.
 */
package io.hubkit.service.rest;
