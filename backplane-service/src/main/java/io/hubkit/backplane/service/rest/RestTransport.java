package io.hubkit.backplane.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ServiceClaimTypes;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

/**
 * Sends {@link RestRoute}s to the service over Reactor Netty: a fresh token per attempt (audience =
 * the signed part of that request's URL, {@code nameid} = the server name), a bounded time per
 * attempt, at most 16 KB of any response body read, and retries with exponential back-off only
 * where the reference allows: message sends on a status above 500, every other (idempotent) call on
 * 5xx, 408, a timeout or a broken connection. Thread-safe; owns its connection pool.
 */
final class RestTransport implements AutoCloseable {

    private static final int MAX_BODY = 16 * 1024;
    private static final String ERROR_CODE_HEADER = "x-ms-error-code";

    private final RestApiUrls urls;
    private final AccessTokenIssuer issuer;
    private final ServiceClientOptions options;
    private final ConnectionProvider provider;
    private final HttpClient http;

    RestTransport(RestApiUrls urls, AccessTokenIssuer issuer, ServiceClientOptions options) {
        this.urls = urls;
        this.issuer = issuer;
        this.options = options;
        this.provider = ConnectionProvider.builder("hubkit-service-rest")
                .maxConnections(options.maxConnections())
                .pendingAcquireMaxCount(options.maxConnections() * 20)
                .pendingAcquireTimeout(options.requestTimeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.http = HttpClient.create(provider)
                .responseTimeout(options.requestTimeout())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(options.requestTimeout().toMillis(), 30_000));
    }

    /**
     * Performs {@code route}; completes with the status when it is a 2xx or one of {@code accepted},
     * otherwise fails with the {@link ServiceRestException} the status maps to.
     */
    Mono<Integer> call(RestRoute route, Set<Integer> accepted) {
        Mono<RestResponse> attempts = attempt(route)
                .flatMap(response -> retryable(route, response.status())
                        ? Mono.error(new RetryableStatus(response)) : Mono.just(response));
        if (options.maxRetries() > 0) {
            attempts = attempts.retryWhen(Retry.backoff(options.maxRetries(), options.retryDelay())
                    .maxBackoff(options.retryDelay().multipliedBy(10))
                    .filter(error -> error instanceof RetryableStatus || (!route.messageSend() && isTransient(error)))
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        }
        return attempts
                .onErrorMap(RetryableStatus.class, error -> failure(route, error.response))
                .flatMap(response -> {
                    int status = response.status();
                    if ((status >= 200 && status < 300) || accepted.contains(status)) {
                        return Mono.just(status);
                    }
                    return Mono.error(failure(route, response));
                });
    }

    private Mono<RestResponse> attempt(RestRoute route) {
        return Mono.defer(() -> {
            String token = issuer.issue(urls.audience(route),
                    List.of(new ServiceClaim(ServiceClaimTypes.NAME_ID, options.serverName())));
            byte[] body = route.body();
            HttpClient.RequestSender sender = http.headers(headers -> {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
                if (body != null) {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
                    headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                }
            }).request(route.method()).uri(urls.url(route));
            HttpClient.ResponseReceiver<?> receiver = body == null ? sender
                    : sender.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
            return receiver.response((response, content) -> bounded(content).map(bytes -> new RestResponse(
                            response.status().code(), response.responseHeaders().get(ERROR_CODE_HEADER), bytes)))
                    .single()
                    .timeout(options.requestTimeout());
        });
    }

    private static Mono<byte[]> bounded(ByteBufFlux content) {
        return content.asByteArray()
                .reduce(new ByteArrayOutputStream(), (out, chunk) -> {
                    out.write(chunk, 0, Math.min(chunk.length, MAX_BODY - out.size()));
                    return out;
                })
                .map(ByteArrayOutputStream::toByteArray);
    }

    private static boolean retryable(RestRoute route, int status) {
        return route.messageSend() ? status > 500 : status >= 500 || status == 408;
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof TimeoutException || error instanceof IOException;
    }

    private ServiceRestException failure(RestRoute route, RestResponse response) {
        String path = urls.url(route).replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("\\?.*$", "");
        return ServiceRestException.of(response.status(), response.errorCode(), route.method() + " " + path
                + " failed with status " + response.status() + describe(response));
    }

    private String describe(RestResponse response) {
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return response.errorCode() == null ? "" : " (" + response.errorCode() + ")";
        }
        try {
            JsonNode json = options.objectMapper().readTree(text);
            if (json != null && json.hasNonNull("message")) {
                text = json.get("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // plain text error
        }
        return ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }

    @Override
    public void close() {
        provider.dispose();
    }

    /** A status worth another attempt, carried through the retry operator. */
    private static final class RetryableStatus extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient RestResponse response;

        RetryableStatus(RestResponse response) {
            super("status " + response.status(), null, false, false);
            this.response = response;
        }
    }

    /** One response: status, {@code x-ms-error-code}, and up to 16 KB of body. */
    private record RestResponse(int status, String errorCode, byte[] body) {
    }
}
