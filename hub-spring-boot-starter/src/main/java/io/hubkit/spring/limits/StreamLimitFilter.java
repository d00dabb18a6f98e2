package io.hubkit.spring.limits;

import io.hubkit.core.HubException;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits the streams one connection runs at the same time: an invocation of a streaming hub
 * method (it returns a {@link Publisher}) or of a method taking upload streams counts from its
 * start until its stream ends — completed, failed or cancelled — or, for uploads, until the
 * method's answer. Over the limit the call does not run and answers
 * {@code "... HubException: Too many streams: the limit is <n> per connection."}; the connection
 * stays open. The count lives in the connection's items. Thread-safe.
 */
public final class StreamLimitFilter implements HubFilter {

    private static final Object COUNT = new Object();

    private final int limit;

    public StreamLimitFilter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
        boolean streaming = Publisher.class.isAssignableFrom(context.hubMethod().getReturnType())
                && !Mono.class.isAssignableFrom(context.hubMethod().getReturnType());
        boolean uploading = context.arguments().stream().anyMatch(argument -> argument instanceof Flux<?>);
        if (!streaming && !uploading) {
            return next.invoke(context);
        }
        AtomicInteger running = (AtomicInteger) context.context().items()
                .computeIfAbsent(COUNT, key -> new AtomicInteger());
        if (running.incrementAndGet() > limit) {
            running.decrementAndGet();
            return Mono.error(new HubException("Too many streams: the limit is " + limit + " per connection."));
        }
        Mono<Object> result = next.invoke(context);
        if (streaming) {
            return result
                    .map(value -> value instanceof Publisher<?> publisher
                            ? (Object) Flux.from(publisher).doFinally(signal -> running.decrementAndGet())
                            : countedOut(running, value))
                    .switchIfEmpty(Mono.fromRunnable(running::decrementAndGet))
                    .doOnError(error -> running.decrementAndGet());
        }
        return result.doFinally(signal -> running.decrementAndGet());
    }

    private static Object countedOut(AtomicInteger running, Object value) {
        running.decrementAndGet();
        return value;
    }
}
