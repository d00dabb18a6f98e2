package io.hubkit.service.scaleout;

import io.hubkit.backplane.redis.RedisBackplaneOptions;
import io.hubkit.backplane.redis.RedisMode;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scale-out over Redis ({@code hubkit.service.scale-out.redis.*}): setting {@code uri} makes this
 * instance share its hubs with every other instance using the same Redis and channel prefix.
 *
 * <pre>
 * hubkit.service.scale-out.redis.uri=redis://redis-host:6379      # or several, comma-separated, for a cluster
 * hubkit.service.scale-out.redis.mode=standalone                  # standalone | cluster | cluster-sharded
 * hubkit.service.scale-out.redis.channel-prefix=myservice:        # separates services sharing one Redis
 * hubkit.service.scale-out.redis.question-timeout=2s              # longest wait for other instances' answers
 * </pre>
 *
 * @param uri             the Redis URIs ({@code redis://[password@]host:port[/db]}); empty = no scale-out
 * @param mode            how to talk to Redis
 * @param channelPrefix   put in front of every channel name
 * @param questionTimeout the longest wait for the other instances' answers to an existence question
 * @param commandTimeout  the limit of each Redis command
 * @param connectTimeout  the limit of a TCP connect to Redis
 */
@ConfigurationProperties("hubkit.service.scale-out.redis")
public record ScaleOutProperties(List<String> uri,
                                 @DefaultValue("standalone") RedisMode mode,
                                 @DefaultValue("") String channelPrefix,
                                 @DefaultValue("2s") Duration questionTimeout,
                                 @DefaultValue("5s") Duration commandTimeout,
                                 @DefaultValue("5s") Duration connectTimeout) {

    public ScaleOutProperties {
        uri = uri == null ? List.of() : List.copyOf(uri);
        channelPrefix = channelPrefix == null ? "" : channelPrefix;
    }

    /** Whether a Redis URI is configured. */
    public boolean enabled() {
        return !uri.isEmpty();
    }

    /** The backplane-redis options the bus's connections are opened with. */
    public RedisBackplaneOptions redisOptions() {
        return RedisBackplaneOptions.builder()
                .uris(uri)
                .mode(mode)
                .channelPrefix(channelPrefix)
                .commandTimeout(commandTimeout)
                .connectTimeout(connectTimeout)
                .build();
    }
}
