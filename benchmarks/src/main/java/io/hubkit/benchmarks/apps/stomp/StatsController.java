package io.hubkit.benchmarks.apps.stomp;

import io.hubkit.benchmarks.apps.stats.ConnectionCounter;
import io.hubkit.benchmarks.apps.stats.MemoryProbe;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /bench/stats}: STOMP sessions and memory after a full GC (on a Tomcat worker thread). */
@RestController
class StatsController {

    private final ConnectionCounter connections;

    StatsController(ConnectionCounter connections) {
        this.connections = connections;
    }

    @GetMapping(path = "/bench/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    String stats() {
        return MemoryProbe.measure(connections.current()).toJson();
    }
}
