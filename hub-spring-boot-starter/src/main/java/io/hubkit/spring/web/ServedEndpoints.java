package io.hubkit.spring.web;

import io.hubkit.spring.endpoint.HubPaths;
import io.hubkit.spring.endpoint.MappedEndpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every endpoint the server exposes — hubs and raw connection endpoints — by path, each with its
 * resolved {@link EndpointSettings}. Paths (case-insensitively, ignoring trailing slashes) and names
 * must be unique across both kinds; a clash fails startup. Immutable and thread-safe.
 */
public final class ServedEndpoints {

    /** What a request path names: an endpoint's transport path, or its negotiate path. */
    public record PathMatch(ServedEndpoint endpoint, boolean negotiate) {
    }

    private static final String NEGOTIATE_SUFFIX = "/negotiate";

    private final List<ServedEndpoint> all;
    private final Map<String, ServedEndpoint> byPathKey;

    /**
     * @param endpoints the hubs and raw endpoints, in the order they are logged
     * @param settings  how each endpoint is served
     */
    public ServedEndpoints(List<? extends MappedEndpoint> endpoints, Function<MappedEndpoint, EndpointSettings> settings) {
        List<ServedEndpoint> served = new ArrayList<>();
        Map<String, ServedEndpoint> paths = new LinkedHashMap<>();
        Map<String, ServedEndpoint> names = new HashMap<>();
        for (MappedEndpoint endpoint : endpoints) {
            ServedEndpoint entry = new ServedEndpoint(endpoint, settings.apply(endpoint));
            String key = HubPaths.key(endpoint.path());
            ServedEndpoint clash = paths.get(key);
            if (clash != null) {
                throw new IllegalStateException("Endpoints '" + clash.name() + "' and '" + endpoint.name()
                        + "' are both mapped to the path " + endpoint.path());
            }
            ServedEndpoint sameName = names.get(endpoint.name());
            if (sameName != null) {
                throw new IllegalStateException("Endpoints at " + sameName.path() + " and " + endpoint.path()
                        + " are both named '" + endpoint.name() + "'");
            }
            served.add(entry);
            paths.put(key, entry);
            names.put(endpoint.name(), entry);
        }
        this.all = List.copyOf(served);
        this.byPathKey = Collections.unmodifiableMap(paths);
    }

    /** Every endpoint. */
    public List<ServedEndpoint> all() {
        return all;
    }

    /** The endpoint mapped to {@code path}, compared case-insensitively and ignoring trailing slashes. */
    public Optional<ServedEndpoint> findByPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byPathKey.get(HubPaths.key(path)));
    }

    /**
     * The endpoint {@code path} belongs to: its transport path {@code {path}} or its negotiate path
     * {@code {path}/negotiate} (case-insensitive, trailing slashes ignored).
     */
    public Optional<PathMatch> match(String path) {
        Optional<ServedEndpoint> endpoint = findByPath(path);
        if (endpoint.isPresent()) {
            return Optional.of(new PathMatch(endpoint.get(), false));
        }
        if (path == null) {
            return Optional.empty();
        }
        String trimmed = stripTrailingSlashes(path);
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(NEGOTIATE_SUFFIX)) {
            String base = trimmed.substring(0, trimmed.length() - NEGOTIATE_SUFFIX.length());
            return findByPath(base.isEmpty() ? "/" : base).map(found -> new PathMatch(found, true));
        }
        return Optional.empty();
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
