package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON record (without its separator) into a hub message, streaming over the envelope
 * with Jackson's {@link JsonParser}. Properties come in any order: a payload that arrives before
 * the property deciding its type ({@code arguments} before {@code target}, {@code item} or
 * {@code result} before {@code invocationId}) is buffered and bound once the object is read.
 * Unknown properties and anything after the top-level object are ignored. Thread-safe.
 */
final class JsonMessageReader {

    private final JsonPayloadBinder payload;

    JsonMessageReader(JsonPayloadBinder payload) {
        this.payload = payload;
    }

    /**
     * The message in {@code record}, or {@code null} for a well-formed message of a type this
     * version does not know (skipped, as the official implementations do).
     */
    HubMessage read(ByteBuffer record, InvocationBinder binder) {
        byte[] array;
        int offset;
        if (record.hasArray()) {
            array = record.array();
            offset = record.arrayOffset() + record.position();
        } else {
            array = new byte[record.remaining()];
            record.duplicate().get(array);
            offset = 0;
        }
        try (JsonParser parser = payload.mapper().createParser(array, offset, record.remaining())) {
            JsonFields.requireObjectStart(parser.nextToken());
            Envelope envelope = new Envelope();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new HubProtocolException(JsonFields.ERROR_READING_JSON);
                }
                readProperty(parser, envelope, binder);
            }
            return build(envelope, binder);
        } catch (IOException e) {
            throw new HubProtocolException(JsonFields.ERROR_READING_JSON, e);
        }
    }

    private void readProperty(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        switch (parser.currentName()) {
            case "type" -> e.type = JsonFields.readInt(parser, "type");
            case "invocationId" -> e.invocationId = JsonFields.readString(parser, "invocationId");
            case "target" -> e.target = JsonFields.readString(parser, "target");
            case "error" -> e.error = JsonFields.readString(parser, "error");
            case "headers" -> e.headers = readHeaders(parser);
            case "streamIds" -> e.streamIds = readStreamIds(parser);
            case "allowReconnect" -> e.allowReconnect = JsonFields.readBoolean(parser, "allowReconnect");
            case "sequenceId" -> e.sequenceId = JsonFields.readLong(parser, "sequenceId");
            case "arguments" -> readArgumentsProperty(parser, e, binder);
            case "item" -> readItemProperty(parser, e, binder);
            case "result" -> readResultProperty(parser, e, binder);
            default -> {
                parser.nextToken();
                parser.skipChildren();
            }
        }
    }

    private void readArgumentsProperty(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw JsonFields.expected("arguments", "Array");
        }
        e.hasArguments = true;
        if (e.typeIsNot(HubMessageType.INVOCATION, HubMessageType.STREAM_INVOCATION)) {
            parser.skipChildren();
        } else if (e.target == null) {
            e.argumentsBuffer = payload.buffer(parser);
        } else {
            bindArguments(parser, e, binder);
        }
    }

    private void bindArguments(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        List<Type> types;
        try {
            types = binder.parameterTypes(e.target);
        } catch (RuntimeException ex) {
            e.argumentsFailure = ProtocolErrors.fromBinder(ex);
            parser.skipChildren();
            return;
        }
        try {
            e.arguments = payload.readArguments(parser, types);
        } catch (HubProtocolException failure) {
            e.argumentsFailure = failure;
        }
    }

    private void readItemProperty(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        parser.nextToken();
        e.hasItem = true;
        if (e.typeIsNot(HubMessageType.STREAM_ITEM)) {
            parser.skipChildren();
        } else if (e.invocationId == null) {
            e.itemBuffer = payload.buffer(parser);
        } else {
            bindItem(parser, e, binder);
        }
    }

    private void bindItem(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        Type type;
        try {
            type = binder.streamItemType(e.invocationId);
        } catch (RuntimeException ex) {
            e.itemFailure = ProtocolErrors.fromBinder(ex);
            parser.skipChildren();
            return;
        }
        try {
            e.item = payload.readValue(parser, type);
        } catch (DatabindException ex) {
            e.itemFailure = ProtocolErrors.bindingStreamItem(ex);
        }
    }

    private void readResultProperty(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        parser.nextToken();
        e.hasResult = true;
        if (e.typeIsNot(HubMessageType.COMPLETION)) {
            parser.skipChildren();
        } else if (e.invocationId == null) {
            e.resultBuffer = payload.buffer(parser);
        } else {
            bindResult(parser, e, binder);
        }
    }

    private void bindResult(JsonParser parser, Envelope e, InvocationBinder binder) throws IOException {
        Type type = ResultTypes.lookup(binder, e.invocationId);
        if (type == null) {
            parser.skipChildren();
            return;
        }
        try {
            e.result = payload.readValue(parser, type);
        } catch (DatabindException ex) {
            e.resultError = ProtocolErrors.resultBindingError(type, ex.getOriginalMessage());
        }
    }

    private HubMessage build(Envelope e, InvocationBinder binder) throws IOException {
        if (e.type == null) {
            throw JsonFields.missing("type");
        }
        switch (e.type) {
            case HubMessageType.INVOCATION:
            case HubMessageType.STREAM_INVOCATION:
                return buildInvocation(e, binder, e.type == HubMessageType.STREAM_INVOCATION);
            case HubMessageType.STREAM_ITEM:
                return buildStreamItem(e, binder);
            case HubMessageType.COMPLETION:
                return buildCompletion(e, binder);
            case HubMessageType.CANCEL_INVOCATION:
                if (e.invocationId == null) {
                    throw JsonFields.missing("invocationId");
                }
                return new CancelInvocationMessage(e.invocationId, e.headers());
            case HubMessageType.PING:
                return PingMessage.INSTANCE;
            case HubMessageType.CLOSE:
                return new CloseMessage(e.error, e.allowReconnect);
            case HubMessageType.ACK:
                return new AckMessage(e.requireSequenceId());
            case HubMessageType.SEQUENCE:
                return new SequenceMessage(e.requireSequenceId());
            default:
                return null;
        }
    }

    private HubMessage buildInvocation(Envelope e, InvocationBinder binder, boolean streaming) throws IOException {
        if (e.target == null) {
            throw JsonFields.missing("target");
        }
        if (e.argumentsBuffer != null) {
            try (JsonParser replay = payload.replay(e.argumentsBuffer)) {
                bindArguments(replay, e, binder);
            }
        }
        String invocationId = e.invocationId == null || e.invocationId.isEmpty() ? null : e.invocationId;
        if (e.argumentsFailure != null) {
            return new InvocationBindingFailureMessage(invocationId, e.target, e.argumentsFailure, streaming, e.headers());
        }
        if (streaming && invocationId == null) {
            throw JsonFields.missing("invocationId");
        }
        if (!e.hasArguments) {
            throw JsonFields.missing("arguments");
        }
        if (e.target.isEmpty()) {
            throw JsonFields.missing("target");
        }
        return streaming
                ? new StreamInvocationMessage(invocationId, e.target, e.arguments, e.streamIds, e.headers())
                : new InvocationMessage(invocationId, e.target, e.arguments, e.streamIds, e.headers());
    }

    private HubMessage buildStreamItem(Envelope e, InvocationBinder binder) throws IOException {
        if (e.invocationId == null || e.invocationId.isEmpty()) {
            throw JsonFields.missing("invocationId");
        }
        if (!e.hasItem) {
            throw JsonFields.missing("item");
        }
        if (e.itemBuffer != null) {
            try (JsonParser replay = payload.replay(e.itemBuffer)) {
                bindItem(replay, e, binder);
            }
        }
        if (e.itemFailure != null) {
            return new StreamBindingFailureMessage(e.invocationId, e.itemFailure, e.headers());
        }
        return new StreamItemMessage(e.invocationId, e.item, e.headers());
    }

    private HubMessage buildCompletion(Envelope e, InvocationBinder binder) throws IOException {
        if (e.invocationId == null) {
            throw JsonFields.missing("invocationId");
        }
        if (e.error != null && e.hasResult) {
            throw new HubProtocolException("The 'error' and 'result' properties are mutually exclusive.");
        }
        if (e.resultBuffer != null) {
            try (JsonParser replay = payload.replay(e.resultBuffer)) {
                bindResult(replay, e, binder);
            }
        }
        if (e.resultError != null) {
            return new CompletionMessage(e.invocationId, e.resultError, null, false, e.headers());
        }
        return new CompletionMessage(e.invocationId, e.error, e.result, e.hasResult, e.headers());
    }

    private static Map<String, String> readHeaders(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw JsonFields.expected("headers", "StartObject");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new HubProtocolException("Expected header '" + name + "' to be of type String.");
            }
            headers.put(name, parser.getText());
        }
        return headers;
    }

    private static List<String> readStreamIds(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw JsonFields.expected("streamIds", "Array");
        }
        List<String> ids = new ArrayList<>(2);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                throw new HubProtocolException("Null value for 'streamIds' is not valid.");
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new HubProtocolException("Expected 'streamIds' to hold only strings.");
            }
            ids.add(parser.getText());
        }
        return ids;
    }

    /** What has been read of one message so far. */
    private static final class Envelope {
        Integer type;
        String invocationId;
        String target;
        String error;
        Map<String, String> headers;
        List<String> streamIds;
        boolean allowReconnect;
        Long sequenceId;

        boolean hasArguments;
        List<Object> arguments;
        TokenBuffer argumentsBuffer;
        HubProtocolException argumentsFailure;

        boolean hasItem;
        Object item;
        TokenBuffer itemBuffer;
        HubProtocolException itemFailure;

        boolean hasResult;
        Object result;
        TokenBuffer resultBuffer;
        String resultError;

        /** True when the type is already known and is not {@code expected}. */
        boolean typeIsNot(int expected) {
            return type != null && type != expected;
        }

        /** True when the type is already known and is neither of the two given. */
        boolean typeIsNot(int first, int second) {
            return type != null && type != first && type != second;
        }

        Map<String, String> headers() {
            return headers == null ? Map.of() : headers;
        }

        long requireSequenceId() {
            if (sequenceId == null) {
                throw JsonFields.missing("sequenceId");
            }
            return sequenceId;
        }
    }
}
