package io.hubkit.backplane.redis;

/**
 * A Redis backplane message that cannot be read (truncated, wrong types, too few items). The
 * receiver logs and drops the message; other messages and connections are not affected.
 */
public class RedisProtocolException extends RuntimeException {

    public RedisProtocolException(String message) {
        super(message);
    }

    public RedisProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
