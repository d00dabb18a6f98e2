package io.hubkit.test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Binds the JSON values a connection received (kept as trees) to the types a test asks for, with
 * the payload mapper of the JSON hub protocol, and compares them with expected values. Thread-safe.
 */
final class Payloads {

    private final ObjectMapper mapper;

    Payloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    <T> T bind(Object value, Class<T> type, String what) {
        return bind(value, mapper.constructType(type), what);
    }

    <T> T bind(Object value, TypeReference<T> type, String what) {
        return bind(value, mapper.constructType(type), what);
    }

    <T> T bind(Object value, Type type, String what) {
        return bind(value, mapper.constructType(type), what);
    }

    /** Whether a received value is JSON-equal to what {@code expected} serializes to. */
    boolean sameJson(Object received, Object expected) {
        return tree(received).equals(mapper.valueToTree(expected));
    }

    private <T> T bind(Object value, JavaType type, String what) {
        JsonNode tree = tree(value);
        if (tree.isNull() && !type.isPrimitive()) {
            return null;
        }
        try {
            return mapper.readerFor(type).readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError(what + ": " + tree + " does not bind to " + type.toCanonical() + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        throw new IllegalStateException("Received values are kept as JSON trees, not " + value.getClass());
    }
}
