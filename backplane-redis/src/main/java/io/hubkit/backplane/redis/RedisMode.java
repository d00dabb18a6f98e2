package io.hubkit.backplane.redis;

/** How the backplane talks to Redis. */
public enum RedisMode {

    /** One Redis server (or a proxy in front of several): {@code SUBSCRIBE}/{@code PUBLISH}. What ASP.NET Core does. */
    STANDALONE,

    /**
     * A Redis Cluster with classic pub/sub: {@code SUBSCRIBE}/{@code PUBLISH} through the cluster, so
     * every message is copied to every node. Compatible with ASP.NET Core on the same cluster. A publish's
     * receiver count only covers one node here, so subscribers are counted on every node when it matters.
     */
    CLUSTER,

    /**
     * A Redis Cluster (Redis 7 or later) with sharded pub/sub: {@code SSUBSCRIBE}/{@code SPUBLISH}, so each
     * channel lives on the shard that owns its slot and traffic spreads over the shards. Not understood by
     * ASP.NET Core's backplane (it only uses classic pub/sub). Ordering holds per channel only.
     */
    CLUSTER_SHARDED
}
