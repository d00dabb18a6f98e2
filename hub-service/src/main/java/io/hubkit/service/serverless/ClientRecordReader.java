package io.hubkit.service.serverless;

import io.hubkit.core.protocol.BinaryMessageFraming;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.TextMessageFraming;
import io.hubkit.core.protocol.TransferFormat;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cuts a serverless client's byte stream into records of its hub protocol and parses each one just
 * enough to route it (type, invocation id, target), keeping the record's own bytes for the
 * upstream. Arguments are never bound: the service does not know the targets' parameter types, so
 * an invocation with arguments parses as an
 * {@link io.hubkit.core.protocol.InvocationBindingFailureMessage}, which carries the same id and
 * target. Records of unknown types are skipped.
 *
 * <p>Bounded: a record longer than {@code maxMessageSize}, or that many bytes buffered without a
 * whole record, is the official server's "maximum message size" error. Not thread-safe: used by
 * one connection's receive loop.
 */
final class ClientRecordReader {

    /** Binds nothing: every argument list "does not match", every result and item stays unbound. */
    private static final InvocationBinder UNBOUND = new InvocationBinder() {
        @Override
        public List<Type> parameterTypes(String target) {
            return List.of();
        }

        @Override
        public Type returnType(String invocationId) {
            return null;
        }

        @Override
        public Type streamItemType(String streamId) {
            return Object.class;
        }
    };

    private final HubProtocol protocol;
    private final int maxMessageSize;
    private final boolean text;

    ClientRecordReader(HubProtocol protocol, int maxMessageSize) {
        this.protocol = protocol;
        this.maxMessageSize = maxMessageSize;
        this.text = protocol.transferFormat() == TransferFormat.TEXT;
    }

    /**
     * The next record of {@code input}, advancing past it; {@code null} when no whole record is
     * buffered (the position then stays at the incomplete record's start).
     *
     * @throws HubProtocolException for invalid data or a record over the size limit
     */
    ClientRecord next(ByteBuffer input) {
        while (true) {
            int start = input.position();
            ByteBuffer body = text ? TextMessageFraming.nextRecord(input) : BinaryMessageFraming.nextFrame(input);
            if (body == null) {
                if (input.remaining() > maxMessageSize) {
                    throw tooLarge();
                }
                return null;
            }
            if (body.remaining() > maxMessageSize) {
                throw tooLarge();
            }
            ByteBuffer framed = input.duplicate();
            framed.position(start).limit(input.position());
            HubMessage message = protocol.parseMessage(framed.slice(), UNBOUND);
            if (message == null) {
                continue; // a record of a type this protocol version does not know: skipped
            }
            byte[] unframed = new byte[body.remaining()];
            body.get(unframed);
            return new ClientRecord(message, unframed);
        }
    }

    private HubProtocolException tooLarge() {
        return new HubProtocolException("The maximum message size of " + maxMessageSize
                + "B was exceeded. The message size can be configured in AddHubOptions.");
    }
}
