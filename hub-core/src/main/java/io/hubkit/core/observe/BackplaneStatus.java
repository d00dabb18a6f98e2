package io.hubkit.core.observe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A backplane's health at one moment: whether it can route messages, and details that are safe to
 * show to operators (no secrets). Immutable.
 *
 * @param up      whether the backplane can deliver messages to every server it should reach
 * @param details what an operator may want to know (mode, peers, pending work, the error when down)
 */
public record BackplaneStatus(boolean up, Map<String, Object> details) {

    public BackplaneStatus {
        Objects.requireNonNull(details, "details");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static BackplaneStatus up(Map<String, Object> details) {
        return new BackplaneStatus(true, details);
    }

    public static BackplaneStatus down(Map<String, Object> details) {
        return new BackplaneStatus(false, details);
    }
}
