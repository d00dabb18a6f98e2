package io.hubkit.samples.dashboard.hub;

import io.hubkit.core.HubException;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.samples.dashboard.metrics.Metric;
import io.hubkit.samples.dashboard.metrics.MetricCatalog;
import io.hubkit.samples.dashboard.metrics.MetricHistory;
import io.hubkit.samples.dashboard.metrics.MetricInfo;
import io.hubkit.samples.dashboard.metrics.Reading;
import io.hubkit.spring.Hub;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's hub. A page joins the overview group on connecting, asks which metrics exist,
 * {@linkplain #watch watches} one (which moves it to that metric's group) and charts it from the
 * {@linkplain #chart stream} of its readings. The scheduled {@link MetricsPublisher} does the
 * pushing. Stateless apart from the watched metric kept in each connection's items; thread-safe.
 */
@Hub("/hubs/dashboard")
public class DashboardHub {

    private static final String WATCHED = "dashboard.watched-metric";

    private final MetricCatalog catalog;
    private final MetricHistory history;

    public DashboardHub(MetricCatalog catalog, MetricHistory history) {
        this.catalog = catalog;
        this.history = history;
    }

    @OnConnected
    public Mono<Void> connected(HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), Groups.OVERVIEW);
    }

    /** The metrics on offer, in display order. */
    public List<MetricInfo> metrics() {
        return catalog.infos();
    }

    /**
     * Watches {@code metric} from now on (and no longer the one watched before): the page gets its
     * every reading. Answers with what to show about it.
     */
    public Mono<MetricInfo> watch(String metric, HubCallerContext caller, GroupManager groups) {
        Metric watched = require(metric);
        Object previous = caller.items().put(WATCHED, metric);
        Mono<Void> leave = previous == null || previous.equals(metric) ? Mono.empty()
                : groups.removeFromGroup(caller.connectionId(), Groups.watching((String) previous));
        return leave.then(groups.addToGroup(caller.connectionId(), Groups.watching(metric)))
                .thenReturn(watched.info());
    }

    /** The recent readings of {@code metric}, then each new one: what the chart draws. Never ends. */
    public Flux<Reading> chart(String metric) {
        require(metric);
        return history.stream(metric);
    }

    private Metric require(String key) {
        Metric metric = catalog.find(key);
        if (metric == null) {
            throw new HubException("Unknown metric '" + key + "'.");
        }
        return metric;
    }
}
