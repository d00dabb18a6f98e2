/**
 * End-to-end tests of the service backplane against a real hub-service: app servers configured by
 * {@code hubkit.backplane.type: service} alone, the official JavaScript client, real WebSockets over
 * loopback.
 */
package io.hubkit.service.endtoend;
