package io.hubkit.samples.dashboard.hub;

import io.hubkit.samples.dashboard.metrics.Reading;
import java.util.List;
import reactor.core.publisher.Mono;

/** What the server calls on the page (a typed client proxy: each call is a lazy send). */
public interface DashboardClient {

    /** The current value of every metric, for the tiles. */
    Mono<Void> overview(List<Reading> readings);

    /** A new reading of the metric the page watches. */
    Mono<Void> reading(Reading reading);
}
