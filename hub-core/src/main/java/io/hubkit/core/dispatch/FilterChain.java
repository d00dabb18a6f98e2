package io.hubkit.core.dispatch;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Runs the {@link HubFilter}s of a hub in order around a terminal step (the hub's own method). A
 * filter that throws, or returns {@code null}, fails the chain like an error Mono would.
 * Immutable and thread-safe.
 */
final class FilterChain {

    private final List<HubFilter> filters;

    FilterChain(List<HubFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    Mono<Object> invokeMethod(HubInvocationContext context, HubFilter.InvocationNext terminal) {
        return invokeMethod(0, context, terminal);
    }

    Mono<Void> onConnected(HubLifetimeContext context, HubFilter.LifetimeNext terminal) {
        return onConnected(0, context, terminal);
    }

    Mono<Void> onDisconnected(HubLifetimeContext context, Throwable error, HubFilter.DisconnectedNext terminal) {
        return onDisconnected(0, context, error, terminal);
    }

    private Mono<Object> invokeMethod(int index, HubInvocationContext context, HubFilter.InvocationNext terminal) {
        return guard(() -> index == filters.size()
                ? terminal.invoke(context)
                : filters.get(index).invokeMethod(context, next -> invokeMethod(index + 1, next, terminal)));
    }

    private Mono<Void> onConnected(int index, HubLifetimeContext context, HubFilter.LifetimeNext terminal) {
        return guard(() -> index == filters.size()
                ? terminal.invoke(context)
                : filters.get(index).onConnected(context, next -> onConnected(index + 1, next, terminal)));
    }

    private Mono<Void> onDisconnected(int index, HubLifetimeContext context, Throwable error,
                                      HubFilter.DisconnectedNext terminal) {
        return guard(() -> index == filters.size()
                ? terminal.invoke(context, error)
                : filters.get(index).onDisconnected(context, error,
                        (next, nextError) -> onDisconnected(index + 1, next, nextError, terminal)));
    }

    private interface Step<T> {
        Mono<T> run();
    }

    private static <T> Mono<T> guard(Step<T> step) {
        try {
            Mono<T> result = step.run();
            return result != null ? result : Mono.error(new NullPointerException("A hub filter returned null"));
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
    }
}
