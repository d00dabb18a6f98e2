package io.hubkit.samples.interop.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The redirect endpoints of the test contract:
 * <ul>
 *   <li>{@code /echoredirect…} → 307 to the same URL with {@code echoredirect} replaced by
 *       {@code echo}, query kept (the client follows it, method and body preserved);</li>
 *   <li>{@code /redirect…} (e.g. {@code /redirect/negotiate}) → 200 with the negotiate redirect
 *       {@code { "url": "<baseUrl>/testHub?numRedirects=<n>" }}, {@code baseUrl} from the query and
 *       {@code n} a server-wide counter (1, 2, …), so a test can see how often it was redirected.</li>
 * </ul>
 * Thread-safe.
 */
@Component
public class RedirectFilter implements WebFilter, Ordered {

    public static final int ORDER = CorsEchoFilter.ORDER + 10;

    private final AtomicInteger redirects = new AtomicInteger();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        if (Paths.startsWithSegment(path, "/echoredirect")) {
            String query = request.getURI().getRawQuery();
            String target = request.getPath().value().replace("echoredirect", "echo") + (query == null ? "" : "?" + query);
            response.setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
            response.getHeaders().setLocation(URI.create(target));
            return response.setComplete();
        }
        if (Paths.startsWithSegment(path, "/redirect")) {
            String baseUrl = request.getQueryParams().getFirst("baseUrl");
            String url = (baseUrl == null ? "" : baseUrl) + "/testHub?numRedirects=" + redirects.incrementAndGet();
            byte[] body = ("{ \"url\": \"" + url + "\" }").getBytes(StandardCharsets.UTF_8);
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().setContentLength(body.length);
            return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
