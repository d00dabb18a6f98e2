package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the typed envelope values of the JSON hub protocol and the handshake from a streaming
 * parser, with the official implementation's error texts ({@code "Expected 'target' to be of type
 * String."}, {@code "Unexpected JSON Token Type 'Array'. Expected a JSON Object."}). Each reader
 * expects the parser on a property name and leaves it on that property's value.
 */
final class JsonFields {

    static final String ERROR_READING_JSON = "Error reading JSON.";

    private JsonFields() {
    }

    /** Checks the first token of a record: it must open an object. */
    static void requireObjectStart(JsonToken first) {
        if (first == null) {
            throw new HubProtocolException(ERROR_READING_JSON);
        }
        if (first != JsonToken.START_OBJECT) {
            throw new HubProtocolException("Unexpected JSON Token Type '" + tokenName(first) + "'. Expected a JSON Object.");
        }
    }

    static String readString(JsonParser parser, String property) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_STRING) {
            throw expected(property, "String");
        }
        return parser.getText();
    }

    static int readInt(JsonParser parser, String property) throws IOException {
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw expected(property, "Number");
        }
        return parser.getIntValue();
    }

    static long readLong(JsonParser parser, String property) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT
                || (parser.getNumberType() != JsonParser.NumberType.INT && parser.getNumberType() != JsonParser.NumberType.LONG)) {
            throw expected(property, "Number");
        }
        return parser.getLongValue();
    }

    static boolean readBoolean(JsonParser parser, String property) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw new HubProtocolException("Expected '" + property + "' to be true or false.");
    }

    static HubProtocolException expected(String property, String type) {
        return new HubProtocolException("Expected '" + property + "' to be of type " + type + ".");
    }

    static HubProtocolException missing(String property) {
        return new HubProtocolException("Missing required property '" + property + "'.");
    }

    /** The name .NET's {@code System.Text.Json} gives a token in error texts. */
    static String tokenName(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "Object";
            case START_ARRAY -> "Array";
            case FIELD_NAME -> "Property";
            case VALUE_STRING -> "String";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "Number";
            case VALUE_TRUE -> "True";
            case VALUE_FALSE -> "False";
            case VALUE_NULL -> "Null";
            case END_OBJECT -> "EndObject";
            case END_ARRAY -> "EndArray";
            default -> "None";
        };
    }
}
