package io.hubkit.spring.web;

import java.util.Objects;

/**
 * A negotiate answer that sends the client elsewhere — {@code {"url": …, "accessToken": …}} — as
 * an app server behind a hub service answers: the client then negotiates with {@code url},
 * presenting {@code accessToken}. Immutable.
 *
 * @param url         where the client connects instead
 * @param accessToken the bearer token the client presents there, or {@code null}
 */
public record NegotiateRedirect(String url, String accessToken) {

    public NegotiateRedirect {
        Objects.requireNonNull(url, "url");
    }
}
