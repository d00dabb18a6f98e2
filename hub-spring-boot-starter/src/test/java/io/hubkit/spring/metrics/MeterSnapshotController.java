package io.hubkit.spring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the Node script read HubKit's gauges while its clients are connected: {@code GET /test/gauges}
 * answers {@code [{"name":…, "tags":{…}, "value":…}]}.
 */
@RestController
public class MeterSnapshotController {

    private final MeterRegistry registry;

    public MeterSnapshotController(MeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/test/gauges")
    public List<Map<String, Object>> gauges() {
        List<Map<String, Object>> gauges = new ArrayList<>();
        for (String name : List.of(HubMeterNames.CONNECTIONS_ACTIVE, HubMeterNames.GROUPS, HubMeterNames.USERS,
                HubMeterNames.OUTBOUND_QUEUED)) {
            registry.find(name).gauges().forEach(gauge -> gauges.add(describe(gauge)));
        }
        return gauges;
    }

    private static Map<String, Object> describe(Gauge gauge) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : gauge.getId().getTags()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", gauge.getId().getName());
        described.put("tags", tags);
        described.put("value", gauge.value());
        return described;
    }
}
