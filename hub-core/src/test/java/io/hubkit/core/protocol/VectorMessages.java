package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the hub message and the binder that a vector entry describes. */
final class VectorMessages {

    private VectorMessages() {
    }

    static HubMessage message(JsonNode m) {
        int type = m.get("type").intValue();
        return switch (type) {
            case HubMessageType.INVOCATION -> new InvocationMessage(text(m, "invocationId"), text(m, "target"),
                    arguments(m), strings(m.get("streamIds")), headers(m));
            case HubMessageType.STREAM_INVOCATION -> new StreamInvocationMessage(text(m, "invocationId"), text(m, "target"),
                    arguments(m), strings(m.get("streamIds")), headers(m));
            case HubMessageType.STREAM_ITEM -> new StreamItemMessage(text(m, "invocationId"), VectorValues.value(m.get("item")),
                    headers(m));
            case HubMessageType.COMPLETION -> new CompletionMessage(text(m, "invocationId"), text(m, "error"),
                    VectorValues.value(m.get("result")), m.get("hasResult").booleanValue(), headers(m));
            case HubMessageType.CANCEL_INVOCATION -> new CancelInvocationMessage(text(m, "invocationId"), headers(m));
            case HubMessageType.PING -> PingMessage.INSTANCE;
            case HubMessageType.CLOSE -> new CloseMessage(text(m, "error"), m.get("allowReconnect").booleanValue());
            case HubMessageType.ACK -> new AckMessage(m.get("sequenceId").longValue());
            case HubMessageType.SEQUENCE -> new SequenceMessage(m.get("sequenceId").longValue());
            default -> throw new IllegalArgumentException("message type " + type);
        };
    }

    /**
     * The binder of an entry: its {@code binder} object where it names types, the rest taken from
     * the expected message (arguments' types as parameter types; the result's or item's type as
     * return type), as the official tests' {@code TestBinder(expectedMessage)} does.
     */
    static VectorBinder binder(JsonNode entry) {
        JsonNode m = entry.get("message");
        JsonNode binder = entry.get("binder");
        List<Type> expectedParameters = m == null ? List.of() : argumentTypes(m);
        Type expectedReturn = m == null ? Object.class : payloadType(m);
        if (binder == null || !binder.isObject()) {
            return new VectorBinder(expectedParameters, expectedReturn);
        }
        List<Type> parameters = expectedParameters;
        if (binder.has("parameterTypes")) {
            parameters = new ArrayList<>();
            int i = 0;
            for (JsonNode name : binder.get("parameterTypes")) {
                Type expected = i < expectedParameters.size() ? expectedParameters.get(i) : null;
                parameters.add(VectorValues.binderType(name.asText(), expected));
                i++;
            }
        }
        Type returnType = expectedReturn;
        if (binder.has("returnType")) {
            JsonNode name = binder.get("returnType");
            returnType = name.isNull() ? null : VectorValues.binderType(name.asText(), expectedReturn);
        }
        return new VectorBinder(parameters, returnType);
    }

    private static List<Type> argumentTypes(JsonNode m) {
        List<Type> types = new ArrayList<>();
        if (m.has("arguments")) {
            for (JsonNode argument : m.get("arguments")) {
                types.add(VectorValues.typed(argument).type());
            }
        }
        return types;
    }

    private static Type payloadType(JsonNode m) {
        if (m.has("result")) {
            return VectorValues.typed(m.get("result")).type();
        }
        if (m.has("item")) {
            return VectorValues.typed(m.get("item")).type();
        }
        return Object.class;
    }

    private static List<Object> arguments(JsonNode m) {
        List<Object> arguments = new ArrayList<>();
        for (JsonNode argument : m.get("arguments")) {
            arguments.add(VectorValues.value(argument));
        }
        return arguments;
    }

    static Map<String, String> headers(JsonNode m) {
        JsonNode headers = m.get("headers");
        if (headers == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        headers.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }

    private static String text(JsonNode m, String field) {
        return HubProtocolVectors.text(m, field);
    }
}
