package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the payload values of JSON hub messages (arguments, stream items, results) to Java types
 * with the payload {@link ObjectMapper}, straight from the envelope's parser or from a buffered
 * copy when the value arrived before the property that decides its type.
 *
 * <p>A value that does not bind is a <em>binding</em> error ({@link DatabindException}); the
 * parser is then moved to the end of that value so reading can go on. Malformed JSON is a
 * <em>syntax</em> error ({@link com.fasterxml.jackson.core.exc.StreamReadException}) and is never
 * caught here. Thread-safe (the mapper is).
 */
final class JsonPayloadBinder {

    private final ObjectMapper mapper;

    JsonPayloadBinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Binds the value whose first token is the parser's current token and leaves the parser on
     * its last token. On a binding error the rest of the value is skipped before it is rethrown.
     */
    Object readValue(JsonParser parser, Type type) throws IOException {
        if (type == RawResult.class) {
            return new RawResult(JsonHubProtocol.NAME, copyRaw(parser));
        }
        JsonStreamContext container = containerOf(parser);
        try {
            return mapper.readValue(parser, mapper.getTypeFactory().constructType(type));
        } catch (DatabindException e) {
            skipToEndOfValue(parser, container);
            throw e;
        } catch (RuntimeException e) {
            // a deserializer that throws instead of reporting through Jackson: still a binding error
            skipToEndOfValue(parser, container);
            throw JsonMappingException.from(parser, String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Binds the array at the parser's current token ({@code START_ARRAY}) to {@code types}, one
     * element each, and leaves the parser on the array's end whatever happens to the binding.
     *
     * @throws HubProtocolException the binding failure: a value of the wrong type (reported first,
     *         as the official implementation does) or a count that differs from {@code types}
     */
    List<Object> readArguments(JsonParser parser, List<Type> types) throws IOException {
        int expected = types.size();
        List<Object> arguments = new ArrayList<>(expected);
        HubProtocolException failure = null;
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "Unexpected end of the arguments array");
            }
            if (failure == null && count < expected) {
                try {
                    arguments.add(readValue(parser, types.get(count)));
                } catch (DatabindException e) {
                    failure = ProtocolErrors.bindingArguments(e);
                }
            } else {
                parser.skipChildren();
            }
            count++;
        }
        if (failure != null) {
            throw failure;
        }
        if (count != expected) {
            throw ProtocolErrors.argumentCountMismatch(count, expected);
        }
        return arguments;
    }

    /** Copies the value at the parser's current token, checking its syntax, for binding later. */
    TokenBuffer buffer(JsonParser parser) throws IOException {
        TokenBuffer buffer = new TokenBuffer(parser);
        buffer.copyCurrentStructure(parser);
        return buffer;
    }

    /** A parser over a buffered value, positioned on its first token. */
    JsonParser replay(TokenBuffer buffer) throws IOException {
        JsonParser parser = buffer.asParser(mapper);
        parser.nextToken();
        return parser;
    }

    private byte[] copyRaw(JsonParser parser) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toByteArray();
    }

    /** The context that holds the value at the current token (for a container, its parent). */
    private static JsonStreamContext containerOf(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        boolean opensContainer = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        return opensContainer ? context.getParent() : context;
    }

    private static void skipToEndOfValue(JsonParser parser, JsonStreamContext container) throws IOException {
        while (parser.getParsingContext() != container) {
            if (parser.nextToken() == null) {
                throw new JsonEOFException(parser, null, "Unexpected end of a payload value");
            }
        }
    }
}
