package io.hubkit.backplane.service.protocol;

import io.hubkit.core.protocol.MessagePackUnpackers;
import java.nio.ByteBuffer;
import java.util.Map;
import org.msgpack.core.MessageUnpacker;

/**
 * The service protocol's encoding: every message is one MessagePack array {@code [typeId, fields…]}
 * framed by the VarInt length of its body, exactly as the reference implementation writes it
 * (shortest integer, string and binary forms; empty collections as empty containers; the extension
 * map written with only its present members). Stateless and thread-safe.
 *
 * <pre>{@code
 * ByteBuffer frame = ServiceProtocol.write(new HandshakeRequestMessage(ServiceProtocol.VERSION,
 *         ServiceConnectionType.DEFAULT.code(), "", MigrationLevel.OFF.code(), ServiceExtensions.NONE, false));
 * ServiceMessageReader reader = new ServiceMessageReader();
 * for (ServiceMessage message : reader.read(frame)) { ... }
 * }</pre>
 */
public final class ServiceProtocol {

    /** The protocol version HubKit speaks, sent in {@link HandshakeRequestMessage#version()}. */
    public static final int VERSION = 1;

    /** The default limit on one inbound message: 16 MB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    private ServiceProtocol() {
    }

    /**
     * The framed bytes of {@code message}: VarInt length prefix, then the MessagePack body. The
     * buffer is new and owned by the caller.
     */
    public static ByteBuffer write(ServiceMessage message) {
        ServiceFieldWriter out = new ServiceFieldWriter(sizeHint(message));
        ServiceMessageCodec.write(message, out);
        return out.framed();
    }

    /** The MessagePack body of {@code message} without its length prefix. */
    public static byte[] writeBody(ServiceMessage message) {
        ServiceFieldWriter out = new ServiceFieldWriter(sizeHint(message));
        ServiceMessageCodec.write(message, out);
        return out.body();
    }

    /**
     * Decodes one unframed message body, from its position to its limit (bytes after the end of
     * the array are ignored). Does not change {@code body}'s position.
     *
     * @return the message, or {@code null} when its type id is one this version does not know
     * @throws ServiceProtocolException when the body is not a valid message
     */
    public static ServiceMessage parseBody(ByteBuffer body) {
        try (MessageUnpacker unpacker = unpacker(body)) {
            ServiceFieldReader in = new ServiceFieldReader(unpacker, body.remaining());
            int typeId = in.begin();
            return ServiceMessageCodec.read(typeId, in);
        } catch (ServiceProtocolException e) {
            throw e;
        } catch (Exception e) {
            throw new ServiceProtocolException("Invalid service message: " + e.getMessage(), e);
        }
    }

    /**
     * An unpacker over the array behind {@code body}; a direct buffer is copied first, because
     * msgpack-core's direct-buffer access needs JDK internals that are closed on current JDKs.
     */
    private static MessageUnpacker unpacker(ByteBuffer body) {
        if (body.hasArray()) {
            return MessagePackUnpackers.over(body.array(), body.arrayOffset() + body.position(), body.remaining());
        }
        byte[] copy = new byte[body.remaining()];
        body.duplicate().get(copy);
        return MessagePackUnpackers.over(copy);
    }

    /** Decodes one unframed message body held in {@code body}. */
    public static ServiceMessage parseBody(byte[] body) {
        return parseBody(ByteBuffer.wrap(body));
    }

    private static int sizeHint(ServiceMessage message) {
        int size = 64;
        if (message instanceof ConnectionDataMessage data) {
            size += data.payload().length;
        } else if (message instanceof ClientCompletionMessage completion) {
            size += completion.payload().length;
        } else if (message instanceof AckMessage ack && ack.payload() != null) {
            size += ack.payload().length;
        } else if (message instanceof BroadcastDataMessage broadcast) {
            size += payloadSize(broadcast.payloads()) + 16 * broadcast.excludedList().size();
        } else if (message instanceof GroupBroadcastDataMessage group) {
            size += payloadSize(group.payloads()) + 16 * group.excludedList().size();
        } else if (message instanceof MultiConnectionDataMessage multi) {
            size += payloadSize(multi.payloads()) + 16 * multi.connectionList().size();
        } else if (message instanceof UserDataMessage user) {
            size += payloadSize(user.payloads());
        } else if (message instanceof MultiUserDataMessage users) {
            size += payloadSize(users.payloads()) + 16 * users.userList().size();
        } else if (message instanceof MultiGroupBroadcastDataMessage groups) {
            size += payloadSize(groups.payloads()) + 16 * groups.groupList().size();
        } else if (message instanceof ClientInvocationMessage invocation) {
            size += payloadSize(invocation.payloads());
        }
        return size;
    }

    private static int payloadSize(Map<String, byte[]> payloads) {
        int size = 0;
        for (byte[] payload : payloads.values()) {
            size += payload.length + 16;
        }
        return size;
    }
}
