package io.hubkit.samples.interop.hubs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The test contract's {@code ComplexObject}, with the .NET property names: in JSON {@code ByteArray}
 * is base64 and {@code DateTime} ISO-8601; in MessagePack they are {@code bin} and a timestamp.
 */
public record ComplexObject(
        @JsonProperty("String") String string,
        @JsonProperty("IntArray") int[] intArray,
        @JsonProperty("ByteArray") byte[] byteArray,
        @JsonProperty("Guid") UUID guid,
        @JsonProperty("DateTime") Instant dateTime) {
}
