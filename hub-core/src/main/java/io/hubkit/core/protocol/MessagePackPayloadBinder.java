package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.msgpack.core.MessageUnpacker;

/**
 * Binds the payload values of MessagePack hub messages to Java types: the envelope's unpacker
 * finds where a value starts and ends (checking its structure and that it nests no deeper than the
 * mapper's {@code StreamReadConstraints} allow, as JSON payloads), and the payload
 * {@link ObjectMapper} binds exactly those bytes. A MessagePack string bound to {@code String}
 * (the usual hub argument) is decoded straight from the frame instead, when the mapper binds
 * strings the standard way ({@link StandardStringBinding}): the same value without a copy and a
 * Jackson parser per value. Thread-safe (the mapper is).
 */
final class MessagePackPayloadBinder {

    private final ObjectMapper mapper;
    private final boolean directStrings;
    private final int maxStringLength;

    MessagePackPayloadBinder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.directStrings = StandardStringBinding.of(mapper);
        this.maxStringLength = mapper.getFactory().streamReadConstraints().getMaxStringLength();
    }

    /**
     * Binds the next value of {@code unpacker} (reading {@code body}, which starts at
     * {@code offset}) to {@code type}; the unpacker ends up after the value whatever happens.
     *
     * @throws Exception any failure to read or bind the value
     */
    Object readValue(MessageUnpacker unpacker, byte[] body, int offset, Type type) throws Exception {
        int start = offset + (int) unpacker.getTotalReadBytes();
        MessagePackNesting.skipValue(unpacker, mapper.getFactory().streamReadConstraints().getMaxNestingDepth());
        int end = offset + (int) unpacker.getTotalReadBytes();
        if (type == String.class && directStrings) {
            String value = directString(body, start, end);
            if (value != null) {
                return value;
            }
        }
        // a copy per value: the msgpack parser may reuse its unpacker for the same source array
        byte[] value = Arrays.copyOfRange(body, start, end);
        if (type == RawResult.class) {
            return new RawResult(MessagePackHubProtocol.NAME, value);
        }
        return mapper.readValue(value, mapper.getTypeFactory().constructType(type));
    }

    /**
     * The string encoded in {@code body[start, end)} — one whole value, already checked by the
     * skip — or {@code null} when that value is not a string (or is longer than the mapper's
     * constraints allow, which Jackson reports): the caller then binds it with the mapper.
     * Malformed UTF-8 becomes U+FFFD, as msgpack's own decoding does.
     */
    private String directString(byte[] body, int start, int end) {
        int head = body[start] & 0xff;
        int dataStart;
        if ((head & 0xe0) == 0xa0) { // fixstr
            dataStart = start + 1;
        } else if (head == 0xd9) { // str 8
            dataStart = start + 2;
        } else if (head == 0xda) { // str 16
            dataStart = start + 3;
        } else if (head == 0xdb) { // str 32
            dataStart = start + 5;
        } else {
            return null;
        }
        int length = end - dataStart;
        if (length < 0 || length > maxStringLength) {
            return null;
        }
        return new String(body, dataStart, length, StandardCharsets.UTF_8);
    }

    /**
     * Binds the arguments array: its length must equal the number of {@code types} (checked before
     * any value is read), then each value binds to its type.
     *
     * @throws HubProtocolException the binding failure, with the official implementation's text
     */
    List<Object> readArguments(MessageUnpacker unpacker, byte[] body, int offset, List<Type> types) {
        int count = MessagePackFields.readArrayLength(unpacker, "arguments");
        if (count != types.size()) {
            throw ProtocolErrors.argumentCountMismatch(count, types.size());
        }
        List<Object> arguments = new ArrayList<>(count);
        try {
            for (Type type : types) {
                arguments.add(readValue(unpacker, body, offset, type));
            }
        } catch (Exception e) {
            throw ProtocolErrors.bindingArguments(e);
        }
        return arguments;
    }

    /** A short description of a payload failure, without Jackson's source location. */
    static String describe(Exception e) {
        return e instanceof JsonProcessingException jackson ? jackson.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
