package io.hubkit.service.scaleout;

import io.hubkit.core.protocol.MessagePackUnpackers;
import io.hubkit.service.routing.RoutingOperation;
import io.hubkit.service.routing.RoutingQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The wire format of {@link BusMessage}s between service instances, one MessagePack array each:
 * operation {@code [1, origin, name, [fields…]]}, question {@code [2, origin, id, name, [fields…]]},
 * answer {@code [3, origin, id, bool]}. {@code name} is the simple name of the
 * {@link RoutingOperation} or {@link RoutingQuery} record, {@code fields} its components in
 * declaration order: strings as str, {@code byte[]} as bin, string collections as arrays, maps as
 * {@code {str: bin|str}}, instants as epoch milliseconds, durations as milliseconds, booleans and
 * numbers as such, {@code null} as nil. The records are read generically, so every operation the
 * routing core defines travels without a codec change. HubKit-internal: every instance of one
 * service runs the same version.
 *
 * <p>Decoding refuses counts and lengths the message cannot hold, unknown names and values of the
 * wrong type, so a bad message costs only its own bytes. Stateless and thread-safe.
 */
final class BusCodec {

    private static final int OPERATION = 1;
    private static final int QUESTION = 2;
    private static final int ANSWER = 3;

    private static final Map<String, Shape> OPERATIONS = shapes(RoutingOperation.class);
    private static final Map<String, Shape> QUERIES = shapes(RoutingQuery.class);

    private BusCodec() {
    }

    static byte[] encode(BusMessage message) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            if (message instanceof BusMessage.Operation op) {
                p.packArrayHeader(4).packInt(OPERATION).packString(op.origin());
                writeRecord(p, op.operation());
            } else if (message instanceof BusMessage.Question q) {
                p.packArrayHeader(5).packInt(QUESTION).packString(q.origin()).packLong(q.questionId());
                writeRecord(p, q.query());
            } else {
                BusMessage.Answer a = (BusMessage.Answer) message;
                p.packArrayHeader(4).packInt(ANSWER).packString(a.origin()).packLong(a.questionId()).packBoolean(a.answer());
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException for bytes that are not a message of this format */
    static BusMessage decode(byte[] bytes) {
        try (MessageUnpacker u = MessagePackUnpackers.over(bytes)) {
            Reader r = new Reader(u, bytes.length);
            u.unpackArrayHeader();
            int kind = u.unpackInt();
            String origin = u.unpackString();
            return switch (kind) {
                case OPERATION -> new BusMessage.Operation(origin, (RoutingOperation) r.record(OPERATIONS));
                case QUESTION -> {
                    long id = u.unpackLong();
                    yield new BusMessage.Question(origin, id, (RoutingQuery) r.record(QUERIES));
                }
                case ANSWER -> new BusMessage.Answer(origin, u.unpackLong(), u.unpackBoolean());
                default -> throw new IllegalArgumentException("unknown bus message kind " + kind);
            };
        } catch (IOException | MessagePackException | ClassCastException e) {
            throw new IllegalArgumentException("invalid bus message: " + e.getMessage(), e);
        }
    }

    // ---- writing ----------------------------------------------------------------------------------

    private static void writeRecord(MessageBufferPacker p, Object value) throws IOException {
        Shape shape = (value instanceof RoutingOperation ? OPERATIONS : QUERIES).get(value.getClass().getSimpleName());
        if (shape == null || shape.type != value.getClass()) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName());
        }
        p.packString(shape.type.getSimpleName());
        p.packArrayHeader(shape.components.length);
        for (RecordComponent component : shape.components) {
            try {
                writeValue(p, component.getAccessor().invoke(value));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
    }

    private static void writeValue(MessageBufferPacker p, Object value) throws IOException {
        if (value == null) {
            p.packNil();
        } else if (value instanceof String s) {
            p.packString(s);
        } else if (value instanceof byte[] bytes) {
            p.packBinaryHeader(bytes.length).addPayload(bytes);
        } else if (value instanceof Boolean b) {
            p.packBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            p.packLong(((Number) value).longValue());
        } else if (value instanceof Instant instant) {
            p.packLong(instant.toEpochMilli());
        } else if (value instanceof Duration duration) {
            p.packLong(duration.toMillis());
        } else if (value instanceof Collection<?> values) {
            p.packArrayHeader(values.size());
            for (Object item : values) {
                writeValue(p, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            p.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeValue(p, entry.getKey());
                writeValue(p, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot encode a " + value.getClass().getName());
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** A record type: its components in order and its canonical constructor. */
    private record Shape(Class<?> type, RecordComponent[] components, Constructor<?> constructor) {
    }

    private static Map<String, Shape> shapes(Class<?> sealedInterface) {
        Map<String, Shape> shapes = new HashMap<>();
        for (Class<?> type : sealedInterface.getPermittedSubclasses()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
            }
            try {
                shapes.put(type.getSimpleName(), new Shape(type, components, type.getDeclaredConstructor(parameterTypes)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type, e);
            }
        }
        return Map.copyOf(shapes);
    }

    /** Reads values by their declared types, refusing counts and lengths the message cannot hold. */
    private record Reader(MessageUnpacker u, int size) {

        Object record(Map<String, Shape> shapes) throws IOException {
            String name = u.unpackString();
            Shape shape = shapes.get(name);
            if (shape == null) {
                throw new IllegalArgumentException("unknown record " + name);
            }
            int count = u.unpackArrayHeader();
            if (count != shape.components.length) {
                throw new IllegalArgumentException(name + " has " + shape.components.length + " fields, not " + count);
            }
            Object[] arguments = new Object[count];
            for (int i = 0; i < count; i++) {
                arguments[i] = value(shape.components[i].getType());
            }
            try {
                return shape.constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("invalid " + name + ": " + e.getCause(), e.getCause());
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot create " + name, e);
            }
        }

        private Object value(Class<?> type) throws IOException {
            ValueType next = u.getNextFormat().getValueType();
            if (next == ValueType.NIL) {
                if (type.isPrimitive()) {
                    throw new IllegalArgumentException("nil for a " + type);
                }
                u.unpackNil();
                return null;
            }
            if (type == String.class) {
                return u.unpackString();
            }
            if (type == byte[].class) {
                return bytes(u.unpackBinaryHeader());
            }
            if (type == boolean.class || type == Boolean.class) {
                return u.unpackBoolean();
            }
            if (type == int.class || type == Integer.class) {
                return u.unpackInt();
            }
            if (type == long.class || type == Long.class) {
                return u.unpackLong();
            }
            if (type == Instant.class) {
                return Instant.ofEpochMilli(u.unpackLong());
            }
            if (type == Duration.class) {
                return Duration.ofMillis(u.unpackLong());
            }
            if (Set.class.isAssignableFrom(type) || List.class.isAssignableFrom(type) || type == Collection.class) {
                int count = count(u.unpackArrayHeader());
                Collection<Object> values = Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    values.add(element());
                }
                return values;
            }
            if (Map.class.isAssignableFrom(type)) {
                int count = count(u.unpackMapHeader());
                Map<Object, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    values.put(element(), element());
                }
                return values;
            }
            throw new IllegalArgumentException("cannot decode a " + type.getName());
        }

        /** A collection element or map entry: a string or bytes. */
        private Object element() throws IOException {
            ValueType next = u.getNextFormat().getValueType();
            if (next == ValueType.BINARY) {
                return bytes(u.unpackBinaryHeader());
            }
            if (next == ValueType.STRING) {
                return u.unpackString();
            }
            throw new IllegalArgumentException("unexpected " + next + " in a collection");
        }

        private byte[] bytes(int length) throws IOException {
            if (length < 0 || length > size - u.getTotalReadBytes()) {
                throw new IllegalArgumentException("a length beyond the message");
            }
            return u.readPayload(length);
        }

        private int count(int count) {
            if (count < 0 || count > size - u.getTotalReadBytes()) {
                throw new IllegalArgumentException("a count beyond the message");
            }
            return count;
        }
    }
}
