/**
 * Tests of scale-out over a real {@code redis-server} started by the tests: the bus codec for every
 * routing operation, several buses on one Redis, and two hub-service instances (two Spring
 * applications) whose clients are reached through the other instance's REST API and app servers.
 */
package io.hubkit.service.scaleout;
