package io.hubkit.service.serverless;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upstream webhooks of serverless mode ({@code hubkit.service.upstream.*}): where client events are
 * POSTed, and the bounds of those calls.
 *
 * <pre>
 * hubkit.service.upstream.templates[0].url-template=http://host/api/{hub}/{category}/{event}
 * hubkit.service.upstream.templates[0].hub-pattern=chat,news       # * (default), a list, or one name
 * hubkit.service.upstream.templates[0].category-pattern=messages   # connections | messages | *
 * hubkit.service.upstream.templates[0].event-pattern=*             # connected | disconnected | a target | *
 * </pre>
 *
 * Templates are tried in order; the first match gets the event, an event no template matches is
 * not sent anywhere.
 *
 * @param templates             the ordered upstream settings (none by default)
 * @param timeout               the longest one upstream call may take, connect to last response byte
 * @param maxConcurrentRequests upstream calls in flight at once per upstream host; more wait in a
 *                              queue of eight times that size, beyond which a call fails at once
 * @param maxResponseSize       the largest response body accepted (a larger one fails the call)
 */
@ConfigurationProperties("hubkit.service.upstream")
public record UpstreamProperties(List<Template> templates,
                                 @DefaultValue("30s") Duration timeout,
                                 @DefaultValue("64") int maxConcurrentRequests,
                                 @DefaultValue("16MB") DataSize maxResponseSize) {

    public UpstreamProperties {
        templates = templates == null ? List.of() : List.copyOf(templates);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hubkit.service.upstream.timeout must be positive");
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("hubkit.service.upstream.max-concurrent-requests must be at least 1");
        }
        if (maxResponseSize == null || maxResponseSize.toBytes() < 1 || maxResponseSize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("hubkit.service.upstream.max-response-size must be between 1B and 2GB");
        }
    }

    /** The settings with no template: no event leaves the service. */
    public static UpstreamProperties none() {
        return new UpstreamProperties(List.of(), Duration.ofSeconds(30), 64, DataSize.ofMegabytes(16));
    }

    /** The templates as validated values, in order. */
    public List<UpstreamTemplate> upstreamTemplates() {
        return templates.stream()
                .map(t -> new UpstreamTemplate(t.urlTemplate(), t.hubPattern(), t.categoryPattern(), t.eventPattern()))
                .toList();
    }

    /** One {@code templates[n]} entry; blank patterns mean {@code *}. */
    public record Template(String urlTemplate, String hubPattern, String categoryPattern, String eventPattern) {
    }
}
