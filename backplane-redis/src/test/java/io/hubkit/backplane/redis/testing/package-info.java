/**
 * Real Redis for tests: {@link io.hubkit.backplane.redis.testing.RedisServer} starts a
 * {@code redis-server} process on a free loopback port (never a Redis the test did not start) and
 * {@link io.hubkit.backplane.redis.testing.RedisCluster} a three-master Redis Cluster from three of them.
 */
package io.hubkit.backplane.redis.testing;
