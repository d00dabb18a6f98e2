package io.hubkit.service.serverless;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One upstream setting: where events of matching hubs, categories and events are POSTed. A
 * pattern is {@code *} (anything), a comma-separated list of exact names, or one exact name (names
 * compared exactly, items trimmed). The URL template may hold the placeholders {@code {hub}},
 * {@code {category}} and {@code {event}}, replaced by the URL-escaped values. Immutable.
 *
 * @param urlTemplate     an absolute http(s) URL with optional placeholders
 * @param hubPattern      hubs it applies to ({@code null} = {@code *})
 * @param categoryPattern {@code connections}, {@code messages}, or {@code *} ({@code null} = {@code *})
 * @param eventPattern    {@code connected}, {@code disconnected}, invocation targets, or {@code *} ({@code null} = {@code *})
 */
public record UpstreamTemplate(String urlTemplate, String hubPattern, String categoryPattern, String eventPattern) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(hub|category|event)\\}");

    public UpstreamTemplate {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        hubPattern = hubPattern == null || hubPattern.isBlank() ? "*" : hubPattern;
        categoryPattern = categoryPattern == null || categoryPattern.isBlank() ? "*" : categoryPattern;
        eventPattern = eventPattern == null || eventPattern.isBlank() ? "*" : eventPattern;
        URI probe = URI.create(expand(urlTemplate, "hub", "category", "event"));
        if (!probe.isAbsolute() || !("http".equalsIgnoreCase(probe.getScheme()) || "https".equalsIgnoreCase(probe.getScheme()))) {
            throw new IllegalArgumentException("An upstream URL template must be an absolute http(s) URL: " + urlTemplate);
        }
    }

    /** A template for every hub, category and event. */
    public static UpstreamTemplate forAll(String urlTemplate) {
        return new UpstreamTemplate(urlTemplate, "*", "*", "*");
    }

    /** Whether this template applies to {@code event} of {@code category} on {@code hub}. */
    public boolean matches(String hub, String category, String event) {
        return matches(hubPattern, hub) && matches(categoryPattern, category) && matches(eventPattern, event);
    }

    /** The URL for {@code event} of {@code category} on {@code hub}. */
    public URI url(String hub, String category, String event) {
        return URI.create(expand(urlTemplate, hub, category, event));
    }

    private static String expand(String template, String hub, String category, String event) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "hub" -> hub;
                case "category" -> category;
                default -> event;
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** RFC 3986 escaping of a data string (spaces as {@code %20}, as .NET's {@code Uri.EscapeDataString}). */
    private static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static boolean matches(String pattern, String value) {
        Set<String> items = Arrays.stream(pattern.split(",")).map(String::trim).collect(Collectors.toSet());
        return items.contains("*") || items.contains(value);
    }
}
