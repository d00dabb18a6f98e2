/**
 * A {@link io.hubkit.core.backplane.Backplane} over Redis pub/sub (Lettuce), so that several app
 * servers share one hub: every {@code Clients.all / group / user / client} call reaches the right
 * connections on every server, group changes and client results work across servers.
 *
 * <p>The channel layout and the MessagePack envelopes are those of ASP.NET Core SignalR's Redis
 * backplane ({@link io.hubkit.backplane.redis.RedisChannels}, {@link io.hubkit.backplane.redis.RedisProtocol}),
 * so a .NET server and a HubKit server can share one Redis and reach each other's clients. Beyond
 * ASP.NET Core, {@link io.hubkit.backplane.redis.RedisMode#CLUSTER_SHARDED} uses sharded pub/sub
 * ({@code SSUBSCRIBE}/{@code SPUBLISH}) so traffic spreads over a Redis Cluster's shards.
 *
 * <p>Entry point: {@link io.hubkit.backplane.redis.RedisBackplaneFactory} with
 * {@link io.hubkit.backplane.redis.RedisBackplaneOptions}. No Spring here; the starter wires it.
 */
package io.hubkit.backplane.redis;
