package io.hubkit.service.rest;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads REST request bodies with the service's limit of 1 MB (Azure's): a declared
 * {@code Content-Length} over it is refused before reading, a body that grows over it while
 * arriving is refused as soon as it does (never buffered whole). Both are a {@link RestException}
 * 413. Stateless.
 */
final class RestBodies {

    /** The largest body accepted: 1 MB. */
    static final int MAX_BODY_SIZE = 1024 * 1024;

    private RestBodies() {
    }

    /** The whole body (empty when there is none), or a 413 error. */
    static Mono<byte[]> read(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > MAX_BODY_SIZE) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_SIZE)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0]);
    }

    static RestException tooLarge() {
        return RestException.tooLarge("The request body is larger than " + MAX_BODY_SIZE + " bytes.");
    }
}
