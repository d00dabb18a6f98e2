package io.hubkit.core.protocol;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageUnpacker;

/**
 * Parses one MessagePack frame body into a hub message, element by element as the official server
 * does: an array whose first element is the type, then the layout of that type (see
 * {@link MessagePackHubProtocol}). Trailing elements are ignored; optional trailing elements
 * (an Invocation's stream ids, a Close's reconnect flag) are read when the array announces them.
 * Thread-safe.
 */
final class MessagePackMessageReader {

    private static final int RESULT_KIND_ERROR = 1;
    private static final int RESULT_KIND_VOID = 2;
    private static final int RESULT_KIND_NON_VOID = 3;

    private final MessagePackPayloadBinder payload;

    MessagePackMessageReader(MessagePackPayloadBinder payload) {
        this.payload = payload;
    }

    /**
     * The message in {@code frame}, or {@code null} for a message type this version does not know
     * (skipped, as the official implementations do).
     */
    HubMessage read(ByteBuffer frame, InvocationBinder binder) {
        byte[] body;
        int offset;
        if (frame.hasArray()) {
            body = frame.array();
            offset = frame.arrayOffset() + frame.position();
        } else {
            body = new byte[frame.remaining()];
            frame.duplicate().get(body);
            offset = 0;
        }
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(body, offset, frame.remaining())) {
            Frame f = new Frame(unpacker, body, offset);
            int itemCount = MessagePackFields.readArrayLength(unpacker, "message");
            int type = MessagePackFields.readInt32(unpacker, "messageType");
            switch (type) {
                case HubMessageType.INVOCATION:
                    return readInvocation(f, binder, itemCount, false);
                case HubMessageType.STREAM_INVOCATION:
                    return readInvocation(f, binder, itemCount, true);
                case HubMessageType.STREAM_ITEM:
                    return readStreamItem(f, binder);
                case HubMessageType.COMPLETION:
                    return readCompletion(f, binder);
                case HubMessageType.CANCEL_INVOCATION: {
                    Map<String, String> headers = MessagePackFields.readHeaders(unpacker);
                    return new CancelInvocationMessage(
                            MessagePackFields.readRequiredInvocationId(unpacker, "CancelInvocation"), headers);
                }
                case HubMessageType.PING:
                    return PingMessage.INSTANCE;
                case HubMessageType.CLOSE: {
                    String error = MessagePackFields.readString(unpacker, "error");
                    boolean allowReconnect = itemCount > 2 && MessagePackFields.readBoolean(unpacker, "allowReconnect");
                    return new CloseMessage(error, allowReconnect);
                }
                case HubMessageType.ACK:
                    return new AckMessage(MessagePackFields.readInt64(unpacker, "sequenceId"));
                case HubMessageType.SEQUENCE:
                    return new SequenceMessage(MessagePackFields.readInt64(unpacker, "sequenceId"));
                default:
                    return null;
            }
        } catch (java.io.IOException e) {
            throw new HubProtocolException("Error reading MessagePack.", e);
        }
    }

    private HubMessage readInvocation(Frame f, InvocationBinder binder, int itemCount, boolean streaming) {
        String messageName = streaming ? "StreamInvocation" : "Invocation";
        Map<String, String> headers = MessagePackFields.readHeaders(f.unpacker);
        String invocationId;
        if (streaming) {
            invocationId = MessagePackFields.readRequiredInvocationId(f.unpacker, messageName);
        } else {
            invocationId = MessagePackFields.readString(f.unpacker, "invocationId");
            if (invocationId != null && invocationId.isEmpty()) {
                invocationId = null;
            }
        }
        String target = MessagePackFields.readString(f.unpacker, "target");
        if (target == null || target.isEmpty()) {
            throw new HubProtocolException("Null or empty target for " + messageName + " message.");
        }
        List<Object> arguments;
        try {
            List<Type> types = binder.parameterTypes(target);
            arguments = payload.readArguments(f.unpacker, f.body, f.offset, types);
        } catch (RuntimeException e) {
            return new InvocationBindingFailureMessage(invocationId, target, ProtocolErrors.fromBinder(e), streaming, headers);
        }
        List<String> streamIds = itemCount > 5 ? readStreamIds(f) : null;
        return streaming
                ? new StreamInvocationMessage(invocationId, target, arguments, streamIds, headers)
                : new InvocationMessage(invocationId, target, arguments, streamIds, headers);
    }

    private static List<String> readStreamIds(Frame f) {
        int count = MessagePackFields.readArrayLength(f.unpacker, "streamIds");
        if (count == 0) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = MessagePackFields.readString(f.unpacker, "streamIds");
            if (id == null || id.isEmpty()) {
                throw new HubProtocolException("Null or empty value in streamIds received.");
            }
            ids.add(id);
        }
        return ids;
    }

    private HubMessage readStreamItem(Frame f, InvocationBinder binder) {
        Map<String, String> headers = MessagePackFields.readHeaders(f.unpacker);
        String invocationId = MessagePackFields.readRequiredInvocationId(f.unpacker, "StreamItem");
        Type type;
        try {
            type = binder.streamItemType(invocationId);
        } catch (RuntimeException e) {
            return new StreamBindingFailureMessage(invocationId, ProtocolErrors.fromBinder(e), headers);
        }
        try {
            return new StreamItemMessage(invocationId, payload.readValue(f.unpacker, f.body, f.offset, type), headers);
        } catch (Exception e) {
            return new StreamBindingFailureMessage(invocationId, ProtocolErrors.bindingStreamItem(e), headers);
        }
    }

    private HubMessage readCompletion(Frame f, InvocationBinder binder) {
        Map<String, String> headers = MessagePackFields.readHeaders(f.unpacker);
        String invocationId = MessagePackFields.readRequiredInvocationId(f.unpacker, "Completion");
        int resultKind = MessagePackFields.readInt32(f.unpacker, "resultKind");
        switch (resultKind) {
            case RESULT_KIND_ERROR:
                return new CompletionMessage(invocationId, MessagePackFields.readString(f.unpacker, "error"), null, false, headers);
            case RESULT_KIND_VOID:
                return new CompletionMessage(invocationId, null, null, false, headers);
            case RESULT_KIND_NON_VOID:
                return readResult(f, binder, invocationId, headers);
            default:
                throw new HubProtocolException("Invalid invocation result kind.");
        }
    }

    private HubMessage readResult(Frame f, InvocationBinder binder, String invocationId, Map<String, String> headers) {
        Type type = ResultTypes.lookup(binder, invocationId);
        if (type == null) {
            try {
                f.unpacker.skipValue();
            } catch (Exception e) {
                throw new HubProtocolException("Reading 'result' failed.", e);
            }
            return new CompletionMessage(invocationId, null, null, true, headers);
        }
        try {
            return new CompletionMessage(invocationId, null, payload.readValue(f.unpacker, f.body, f.offset, type), true, headers);
        } catch (Exception e) {
            String error = ProtocolErrors.resultBindingError(type, MessagePackPayloadBinder.describe(e));
            return new CompletionMessage(invocationId, error, null, false, headers);
        }
    }

    /** The unpacker over one frame body and where that body lies. */
    private record Frame(MessageUnpacker unpacker, byte[] body, int offset) {
    }
}
