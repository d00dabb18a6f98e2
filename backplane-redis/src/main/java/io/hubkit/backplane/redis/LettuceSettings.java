package io.hubkit.backplane.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;

/**
 * The Lettuce client settings that give the backplane its fault behaviour: reconnect
 * automatically, reject commands while disconnected (fail fast instead of queueing them for
 * later), a timeout on every command, a bounded connect time and TCP keep-alive.
 */
final class LettuceSettings {

    private LettuceSettings() {
    }

    static ClientOptions standalone(RedisBackplaneOptions options) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(socket(options))
                .build();
    }

    static ClusterClientOptions cluster(RedisBackplaneOptions options) {
        return ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(socket(options))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build();
    }

    static RedisURI uri(String uri, RedisBackplaneOptions options) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(options.commandTimeout());
        return redisUri;
    }

    private static SocketOptions socket(RedisBackplaneOptions options) {
        return SocketOptions.builder()
                .connectTimeout(options.connectTimeout())
                .keepAlive(true)
                .build();
    }
}
