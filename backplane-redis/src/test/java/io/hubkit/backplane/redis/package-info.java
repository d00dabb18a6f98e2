/**
 * Tests of the Redis backplane against real {@code redis-server} processes: the backplane
 * specification suite (standalone and sharded cluster), the wire vectors of ASP.NET Core's Redis
 * backplane, several servers sharing one Redis, group acks and client results across servers with
 * their timeouts, and Redis dying and coming back mid-run.
 */
package io.hubkit.backplane.redis;
