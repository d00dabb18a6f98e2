package io.hubkit.service.rest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Renders a failed REST request: the status, the {@code x-ms-error-code} header when the failure has
 * one, and a body in the style of the API version — plain text for v1, a JSON {@code ErrorDetail}
 * ({@code code}, {@code message}) for 2022-06-01. HEAD answers carry no body. Unexpected failures
 * become 500 and are logged. Stateless.
 */
final class RestErrors {

    private static final Logger log = LoggerFactory.getLogger(RestErrors.class);

    private RestErrors() {
    }

    /** The response for {@code error}, raised while serving a request of {@code version}. */
    static Mono<ServerResponse> render(Throwable error, RestApiVersion version, boolean head) {
        RestException failure = asRestException(error);
        ServerResponse.BodyBuilder builder = ServerResponse.status(failure.status());
        if (failure.errorCode() != null) {
            builder.header(ErrorCodes.HEADER, failure.errorCode());
        }
        if (head) {
            return builder.build();
        }
        if (version == RestApiVersion.V1) {
            return builder.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .bodyValue(failure.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", failure.errorCode() != null ? failure.errorCode() : codeOf(failure.status()));
        detail.put("message", failure.getMessage());
        return builder.contentType(MediaType.APPLICATION_JSON).bodyValue(detail);
    }

    private static RestException asRestException(Throwable error) {
        if (error instanceof RestException rest) {
            return rest;
        }
        if (error instanceof DataBufferLimitException) {
            return RestException.tooLarge("The request body is larger than " + RestBodies.MAX_BODY_SIZE + " bytes.");
        }
        log.error("REST request failed", error);
        return new RestException(HttpStatus.INTERNAL_SERVER_ERROR.value(), null, "The request failed on the service.");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.INVALID_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            default -> ErrorCodes.INTERNAL;
        };
    }
}
