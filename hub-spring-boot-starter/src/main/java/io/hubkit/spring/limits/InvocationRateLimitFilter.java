package io.hubkit.spring.limits;

import io.hubkit.core.HubException;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Limits how often one connection may invoke hub methods: a {@link TokenBucket} per connection
 * (kept in its items), {@code burst} invocations at once, refilled at {@code perSecond}. A call
 * without a token does not run and answers
 * {@code "... HubException: Too many invocations: the limit is <n> per second."}; the connection
 * stays open and later calls run again once tokens have refilled. Thread-safe.
 */
public final class InvocationRateLimitFilter implements HubFilter {

    private static final Object BUCKET = new Object();

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;

    public InvocationRateLimitFilter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1: " + perSecond + ", " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
        TokenBucket bucket = (TokenBucket) context.context().items()
                .computeIfAbsent(BUCKET, key -> new TokenBucket(perSecond, burst, nanoClock));
        if (!bucket.tryTake()) {
            return Mono.error(new HubException("Too many invocations: the limit is " + format(perSecond) + " per second."));
        }
        return next.invoke(context);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
