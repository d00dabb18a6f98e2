package io.hubkit.backplane.redis;

/**
 * A cross-server operation of the Redis backplane that could not be done: Redis is unreachable,
 * a command failed or timed out, or no server acknowledged a group change in time. The message
 * says what was and was not done (e.g. that a send still reached this server's connections).
 */
public class RedisBackplaneException extends RuntimeException {

    public RedisBackplaneException(String message) {
        super(message);
    }

    public RedisBackplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
