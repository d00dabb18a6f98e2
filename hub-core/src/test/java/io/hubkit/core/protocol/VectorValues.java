package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the vectors' protocol-neutral value notation (plain JSON values, and tagged objects such
 * as {@code {"$type":"float32","value":2.0}}) into the Java value a hub would hold and the Java
 * type a binder would bind it to.
 */
final class VectorValues {

    /** A value and the type it binds to. */
    record Typed(Object value, Type type) {
    }

    /** A value notation Java has no counterpart for (see {@link VectorSkips}). */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    private VectorValues() {
    }

    static Typed typed(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Typed(null, Object.class);
        }
        if (node.isBoolean()) {
            return new Typed(node.booleanValue(), Boolean.class);
        }
        if (node.isInt()) {
            return new Typed(node.intValue(), Integer.class);
        }
        if (node.isIntegralNumber()) {
            return new Typed(node.longValue(), Long.class);
        }
        if (node.isNumber()) {
            return new Typed(node.doubleValue(), Double.class);
        }
        if (node.isTextual()) {
            return new Typed(node.textValue(), String.class);
        }
        if (node.isObject() && node.has("$type")) {
            return tagged(node);
        }
        throw new Unsupported("Untagged " + node.getNodeType() + " value " + node);
    }

    static Object value(JsonNode node) {
        return typed(node).value();
    }

    private static Typed tagged(JsonNode node) {
        String tag = node.get("$type").asText();
        switch (tag) {
            case "float32":
                return new Typed(node.get("value").floatValue(), Float.class);
            case "float64":
                return new Typed(node.get("value").doubleValue(), Double.class);
            case "datetime":
                return dateTime(node);
            case "datetimeoffset":
                return new Typed(OffsetDateTime.parse(node.get("value").asText()), OffsetDateTime.class);
            case "bytes":
                return new Typed(HubProtocolVectors.hex(node.get("hex").asText()), byte[].class);
            case "enum":
                if (!"TestEnum".equals(node.get("enum").asText())) {
                    throw new Unsupported("Unknown enum " + node.get("enum"));
                }
                return new Typed(TestEnum.valueOf(node.get("name").asText()), TestEnum.class);
            case "array":
                return array(node);
            case "object":
                return object(node);
            case "union":
                return union(node);
            case "raw":
                return new Typed(new RawResult(JsonHubProtocol.NAME, node.get("json").asText().getBytes(StandardCharsets.UTF_8)),
                        RawResult.class);
            default:
                throw new Unsupported("Value notation '" + tag + "' has no Java counterpart");
        }
    }

    /**
     * Java has no union types. A hub declares {@code int | string} (and its nullable form) as
     * {@code Object}, and {@code Cat | Dog} as the sealed interface {@link Pet}; the value is the
     * active case's value.
     */
    private static Typed union(JsonNode node) {
        String union = node.get("union").asText();
        Object value = value(node.get("value"));
        switch (union) {
            case "UnionIntString":
            case "UnionNullableIntString":
                return new Typed(value, Object.class);
            case "UnionPet":
            case "UnionPetWithClassifier":
                return new Typed(value, Pet.class);
            default:
                throw new Unsupported("Union " + union);
        }
    }

    private static Typed dateTime(JsonNode node) {
        String value = node.get("value").asText();
        String kind = node.get("kind").asText();
        if ("Utc".equals(kind)) {
            return new Typed(Instant.parse(value), Instant.class);
        }
        if ("Unspecified".equals(kind)) {
            return new Typed(LocalDateTime.parse(value), LocalDateTime.class);
        }
        throw new Unsupported("DateTime kind " + kind);
    }

    private static Typed array(JsonNode node) {
        List<Object> items = new ArrayList<>();
        Type elementType = elementType(node.get("elementType").asText());
        for (JsonNode item : node.get("items")) {
            Typed typed = typed(item);
            items.add(typed.value());
            elementType = typed.type();
        }
        return new Typed(items, parameterized(List.class, elementType));
    }

    private static Type elementType(String name) {
        if (name.startsWith("int")) {
            return Integer.class;
        }
        if (name.equals("CustomObject")) {
            return parameterized(CustomObject.class, Instant.class);
        }
        throw new Unsupported("Array element type " + name);
    }

    private static Typed object(JsonNode node) {
        String type = node.get("class").asText();
        JsonNode fields = node.get("fields");
        switch (type) {
            case "CustomObject":
                return customObject(fields);
            case "JsonPersonExtended": {
                JsonPerson.Extended person = new JsonPerson.Extended();
                person.age = fields.get("Age").intValue();
                person.name = fields.get("Name").asText();
                requireNull(fields, "Child", "Parent");
                return new Typed(person, JsonPerson.class);
            }
            case "JsonPersonExtended2": {
                JsonPerson.Extended2 person = new JsonPerson.Extended2();
                person.location = fields.get("Location").asText();
                person.name = fields.get("Name").asText();
                requireNull(fields, "Child", "Parent");
                return new Typed(person, JsonPerson.class);
            }
            case "Cat":
                return new Typed(new Pet.Cat(fields.get("Name").asText()), Pet.class);
            case "Dog":
                return new Typed(new Pet.Dog(fields.get("Breed").asText()), Pet.class);
            case "UnionEnvelope":
                return new Typed(new UnionEnvelope(fields.get("CorrelationId").asText(), value(fields.get("Payload"))),
                        UnionEnvelope.class);
            default:
                throw new Unsupported("Object class " + type);
        }
    }

    private static Typed customObject(JsonNode fields) {
        CustomObject<Object> object = new CustomObject<>();
        object.stringProp = fields.get("StringProp").asText();
        object.doubleProp = (Double) value(fields.get("DoubleProp"));
        object.intProp = fields.get("IntProp").intValue();
        Typed dateTime = typed(fields.get("DateTimeProp"));
        object.dateTimeProp = dateTime.value();
        object.nullProp = value(fields.get("NullProp"));
        object.byteArrProp = (byte[]) value(fields.get("ByteArrProp"));
        return new Typed(object, parameterized(CustomObject.class, dateTime.type()));
    }

    private static void requireNull(JsonNode fields, String... names) {
        for (String name : names) {
            if (!fields.get(name).isNull()) {
                throw new Unsupported("Nested persons");
            }
        }
    }

    static ParameterizedType parameterized(Class<?> raw, Type argument) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {argument};
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return raw.getSimpleName() + "<" + argument.getTypeName() + ">";
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof ParameterizedType p && p.getRawType() == raw
                        && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
            }

            @Override
            public int hashCode() {
                return raw.hashCode() * 31 + argument.hashCode();
            }
        };
    }

    /** The type a vector binder names ({@code "int"}, {@code "DateTime"}, …). */
    static Type binderType(String name, Type expected) {
        return switch (name) {
            case "int" -> Integer.class;
            case "string" -> String.class;
            case "bool" -> Boolean.class;
            case "object" -> Object.class;
            case "DateTime" -> Instant.class;
            case "int[]" -> int[].class;
            case "JsonPerson" -> JsonPerson.class;
            case "RawResult" -> RawResult.class;
            case "CustomObject" -> expected instanceof ParameterizedType p && p.getRawType() == CustomObject.class
                    ? expected : parameterized(CustomObject.class, Instant.class);
            default -> throw new Unsupported("Binder type " + name);
        };
    }
}
