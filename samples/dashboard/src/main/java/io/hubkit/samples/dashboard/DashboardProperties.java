package io.hubkit.samples.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings under {@code dashboard.*}.
 *
 * @param sampleInterval how often the metrics are sampled and pushed (default 1 s)
 * @param historySize    how many past readings of each metric a new chart starts with (default 120)
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(Duration sampleInterval, int historySize) {

    public DashboardProperties {
        sampleInterval = sampleInterval == null ? Duration.ofSeconds(1) : sampleInterval;
        historySize = historySize <= 0 ? 120 : historySize;
    }
}
