package io.hubkit.samples.interop;

import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/**
 * A hub for the stateful-reconnect test (test sources only): a paced counter stream from server
 * to client, and a record of what each connection sent, to check both directions.
 */
@Hub("/stateful")
public class StatefulTestHub {

    final AtomicInteger connects = new AtomicInteger();
    private final Map<String, List<Integer>> recorded = new ConcurrentHashMap<>();

    @OnConnected
    public void connected() {
        connects.incrementAndGet();
    }

    /** {@code 0 … count-1}, one every {@code periodMillis}. */
    public Flux<Integer> counter(int count, int periodMillis) {
        return Flux.interval(Duration.ofMillis(periodMillis)).take(count).map(Long::intValue);
    }

    public void record(int n, HubCallerContext caller) {
        recorded.computeIfAbsent(caller.connectionId(), id -> new CopyOnWriteArrayList<>()).add(n);
    }

    public List<Integer> recorded(HubCallerContext caller) {
        return recorded.getOrDefault(caller.connectionId(), List.of());
    }

    public String connectionId(HubCallerContext caller) {
        return caller.connectionId();
    }
}
