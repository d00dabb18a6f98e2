package io.hubkit.core.protocol;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * What the fuzz tests run on one input: every record the JSON parser, the MessagePack parser and
 * the handshake parser can read from arbitrary bytes, as a server's receive loop reads them (at
 * most {@link #MAX_MESSAGE_SIZE} bytes visible at a time). The invariant is that parsing only ever
 * returns a message, returns {@code null} (incomplete), or throws {@link HubProtocolException};
 * any other throwable (an unchecked exception, a {@code StackOverflowError}, an
 * {@code OutOfMemoryError}) escapes and fails the fuzz test. A protocol error ends the input, as
 * it ends a connection. Stateless and thread-safe.
 */
final class ParserFuzzTarget {

    /** The server's default limit: what one message may occupy. */
    static final int MAX_MESSAGE_SIZE = 32 * 1024;

    /**
     * A binder with a few typical parameter shapes: a target named like a known method binds
     * untyped values, strings, numbers and a POJO; others do not exist.
     */
    static final InvocationBinder BINDER = new InvocationBinder() {
        private final Map<String, List<Type>> methods = Map.of(
                "Target", List.of(Object.class, String.class),
                "method", List.of(Integer.class),
                "send", List.of(String.class, CustomObject.class),
                "items", List.of(List.class, Map.class, byte[].class));

        @Override
        public List<Type> parameterTypes(String target) {
            List<Type> types = methods.get(target);
            if (types == null) {
                throw new HubProtocolException("Method does not exist.");
            }
            return types;
        }

        @Override
        public Type returnType(String invocationId) {
            return Object.class;
        }

        @Override
        public Type streamItemType(String streamId) {
            return String.class;
        }
    };

    private static final HubProtocol JSON = new JsonHubProtocol();
    private static final HubProtocol MESSAGE_PACK = new MessagePackHubProtocol();

    private ParserFuzzTarget() {
    }

    /** Reads every JSON hub message of {@code data}. */
    static void json(byte[] data) {
        readAll(JSON, data);
    }

    /** Reads every MessagePack hub message of {@code data}. */
    static void messagePack(byte[] data) {
        readAll(MESSAGE_PACK, data);
    }

    /** Reads the handshake request of {@code data}, then what follows as JSON hub messages. */
    static void handshake(byte[] data) {
        ByteBuffer input = ByteBuffer.wrap(data);
        try {
            if (HandshakeProtocol.parseRequest(input) == null) {
                return;
            }
        } catch (HubProtocolException expected) {
            return;
        }
        readAll(JSON, input);
    }

    /** One input for all three parsers, the first byte choosing which: for a single bounded fuzzing run. */
    static void any(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
        switch (Math.floorMod(data[0], 3)) {
            case 0 -> json(rest);
            case 1 -> messagePack(rest);
            default -> handshake(rest);
        }
    }

    private static void readAll(HubProtocol protocol, byte[] data) {
        readAll(protocol, ByteBuffer.wrap(data));
    }

    private static void readAll(HubProtocol protocol, ByteBuffer input) {
        while (input.hasRemaining()) {
            HubMessage message;
            try {
                message = BoundedMessageReader.read(protocol, input, BINDER, MAX_MESSAGE_SIZE);
            } catch (HubProtocolException expected) {
                return;
            }
            if (message == null) {
                return;
            }
        }
    }
}
