package io.hubkit.benchmarks.apps.hubkit;

import io.hubkit.benchmarks.apps.stats.ConnectionCounter;
import io.hubkit.benchmarks.apps.stats.MemoryProbe;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /bench/stats}: connections and memory after a full GC, measured off the event loops. */
@RestController
class StatsController {

    private final ConnectionCounter connections;

    StatsController(ConnectionCounter connections) {
        this.connections = connections;
    }

    @GetMapping(path = "/bench/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> stats() {
        return Mono.fromCallable(() -> MemoryProbe.measure(connections.current()).toJson())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
