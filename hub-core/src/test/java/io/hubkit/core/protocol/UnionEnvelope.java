package io.hubkit.core.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Java analog of the .NET fixture {@code UnionEnvelope}: a correlation id and a payload of the
 * union {@code int | string}, which Java declares as {@code Object}.
 */
@JsonPropertyOrder({"correlationId", "payload"})
public record UnionEnvelope(String correlationId, Object payload) {
}
