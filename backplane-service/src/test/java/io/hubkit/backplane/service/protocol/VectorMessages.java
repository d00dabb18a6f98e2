package io.hubkit.backplane.service.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the message a vector describes ({@code "message": {"kind": …, fields…}}) by matching the
 * vector's field names to the record components, so a component the vectors do not describe (or
 * the other way round) fails the test instead of being silently skipped.
 */
final class VectorMessages {

    /** Vector field names that differ from the record component names. */
    private static final Map<String, String> ALIASES = Map.of("ServiceEventMessage.objectType", "type");

    /** Vector fields that only restate a number as a name, checked separately. */
    private static final List<String> DESCRIPTIVE = List.of("kind", "typeName", "eventKindName",
            "connectionTypeName", "operationName");

    private VectorMessages() {
    }

    static ServiceMessage fromJson(JsonNode message) {
        String kind = message.get("kind").asText();
        try {
            Class<?> type = Class.forName(ServiceMessage.class.getPackageName() + "." + kind);
            RecordComponent[] components = type.getRecordComponents();
            Object[] arguments = new Object[components.length];
            List<String> used = new ArrayList<>(DESCRIPTIVE);
            for (int i = 0; i < components.length; i++) {
                String name = ALIASES.getOrDefault(kind + "." + components[i].getName(), components[i].getName());
                if (!message.has(name)) {
                    throw new IllegalStateException(kind + " vector lacks the field " + name);
                }
                used.add(name);
                arguments[i] = value(message.get(name), components[i].getGenericType());
            }
            for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!used.contains(name)) {
                    throw new IllegalStateException(kind + " has no component for the vector field " + name);
                }
            }
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return (ServiceMessage) constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + kind, e);
        }
    }

    private static Object value(JsonNode node, Type type) {
        if (type == int.class) {
            return node.asInt();
        }
        if (type == boolean.class) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return null;
        }
        if (type == String.class) {
            return node.asText();
        }
        if (type == byte[].class) {
            return ServiceVectors.hex(node.asText());
        }
        if (type == ServiceExtensions.class) {
            return extensions(node);
        }
        if (type == FlowControlConnectionType.class) {
            return FlowControlConnectionType.of(node.asInt());
        }
        if (type == FlowControlOperation.class) {
            return FlowControlOperation.of(node.asInt());
        }
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class && arguments[0] == String.class) {
                List<String> strings = new ArrayList<>();
                node.forEach(item -> strings.add(item.asText()));
                return strings;
            }
            if (raw == List.class && arguments[0] == ServiceClaim.class) {
                List<ServiceClaim> claims = new ArrayList<>();
                node.forEach(pair -> claims.add(new ServiceClaim(pair.get(0).asText(), pair.get(1).asText())));
                return claims;
            }
            if (raw == Map.class && arguments[1] == byte[].class) {
                Map<String, byte[]> payloads = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> payloads.put(e.getKey(), ServiceVectors.hex(e.getValue().asText())));
                return payloads;
            }
            if (raw == Map.class) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> headers.put(e.getKey(), (List<String>) value(e.getValue(),
                        ((ParameterizedType) arguments[1]))));
                return headers;
            }
        }
        throw new IllegalStateException("No vector conversion for " + type);
    }

    private static ServiceExtensions extensions(JsonNode node) {
        ServiceExtensions extensions = ServiceExtensions.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            extensions = switch (field.getKey()) {
                case "tracingId" -> extensions.withTracingId(value.asLong());
                case "ttl" -> extensions.withTtl(value.asInt());
                case "protocol" -> extensions.withProtocol(value.asText());
                case "filter" -> extensions.withFilter(value.asText());
                case "dataMessageType" -> extensions.withDataMessageType(DataMessageType.of(value.asInt()));
                case "isPartial" -> extensions.withPartial(value.asBoolean());
                default -> throw new IllegalStateException("Unknown extension in vector: " + field.getKey());
            };
        }
        return extensions;
    }

    /** {@code "NotExisted"} → {@code NOT_EXISTED}: the Java constant name of a .NET enum member name. */
    static String constantName(String dotNetName) {
        return dotNetName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
