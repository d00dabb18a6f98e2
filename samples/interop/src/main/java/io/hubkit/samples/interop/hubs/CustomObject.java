package io.hubkit.samples.interop.hubs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The test contract's {@code CustomObject}: {@code {Name, Value}}. */
public record CustomObject(@JsonProperty("Name") String name, @JsonProperty("Value") int value) {
}
