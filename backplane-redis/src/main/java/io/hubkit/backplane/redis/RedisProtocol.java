package io.hubkit.backplane.redis;

import io.hubkit.core.protocol.MessagePackUnpackers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Encodes and decodes the payloads of the Redis channels, byte for byte as ASP.NET Core SignalR's
 * Redis backplane does: every payload is one MessagePack array (the channel tells its type),
 * integers in their shortest form, readers accept any integer width, need at least the documented
 * number of items and ignore trailing extra items. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Invocation: {@code [excludedIds[], {protocol: bin}]}, or with a client result
 *       {@code [excludedIds[], {protocol: bin}, invocationId, returnChannel]}.</li>
 *   <li>Group command: {@code [id, serverName, action, groupName, connectionId]}.</li>
 *   <li>Ack: {@code [id]}.</li>
 *   <li>Completion: {@code [protocolName, bin]}.</li>
 * </ul>
 */
public final class RedisProtocol {

    private RedisProtocol() {
    }

    // ---- invocation ---------------------------------------------------------------------------

    public static byte[] writeInvocation(RedisInvocation invocation) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(invocation.expectsResult() ? 4 : 2);
            packer.packArrayHeader(invocation.excludedConnectionIds().size());
            for (String id : invocation.excludedConnectionIds()) {
                packer.packString(id);
            }
            packer.packMapHeader(invocation.payloads().size());
            for (Map.Entry<String, byte[]> payload : invocation.payloads().entrySet()) {
                packer.packString(payload.getKey());
                packer.packBinaryHeader(payload.getValue().length);
                packer.writePayload(payload.getValue());
            }
            if (invocation.expectsResult()) {
                packer.packString(invocation.invocationId());
                packer.packString(invocation.returnChannel());
            }
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
    }

    public static RedisInvocation readInvocation(byte[] bytes) {
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(bytes)) {
            int size = arrayOfAtLeast(unpacker, 2, "Invocation");
            List<String> excluded = readStringArrayOrNil(unpacker);
            int entries = unpacker.unpackMapHeader();
            Map<String, byte[]> payloads = new LinkedHashMap<>(Math.max(4, entries * 2));
            for (int i = 0; i < entries; i++) {
                String protocol = unpacker.unpackString();
                int length = unpacker.unpackBinaryHeader();
                payloads.put(protocol, unpacker.readPayload(length));
            }
            String invocationId = null;
            String returnChannel = null;
            if (size > 3) {
                invocationId = unpacker.unpackString();
                returnChannel = unpacker.unpackString();
            }
            skip(unpacker, size - (size > 3 ? 4 : 2));
            return new RedisInvocation(excluded, payloads, invocationId, returnChannel);
        } catch (IOException | MessagePackException | IllegalArgumentException e) {
            throw invalid("Invocation", e);
        }
    }

    // ---- group command ------------------------------------------------------------------------

    public static byte[] writeGroupCommand(GroupCommand command) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(5);
            packer.packInt(command.id());
            packer.packString(command.serverName());
            packer.packInt(command.action().code());
            packer.packString(command.groupName());
            packer.packString(command.connectionId());
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
    }

    public static GroupCommand readGroupCommand(byte[] bytes) {
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(bytes)) {
            int size = arrayOfAtLeast(unpacker, 5, "GroupCommand");
            int id = unpacker.unpackInt();
            String serverName = unpacker.unpackString();
            GroupAction action = GroupAction.fromCode(unpacker.unpackInt());
            String groupName = unpacker.unpackString();
            String connectionId = unpacker.unpackString();
            skip(unpacker, size - 5);
            return new GroupCommand(id, serverName, action, groupName, connectionId);
        } catch (IOException | MessagePackException | NullPointerException e) {
            throw invalid("GroupCommand", e);
        }
    }

    // ---- ack ----------------------------------------------------------------------------------

    public static byte[] writeAck(int id) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(1);
            packer.packInt(id);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
    }

    public static int readAck(byte[] bytes) {
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(bytes)) {
            int size = arrayOfAtLeast(unpacker, 1, "Ack");
            int id = unpacker.unpackInt();
            skip(unpacker, size - 1);
            return id;
        } catch (IOException | MessagePackException e) {
            throw invalid("Ack", e);
        }
    }

    // ---- completion ---------------------------------------------------------------------------

    public static byte[] writeCompletion(RedisCompletion completion) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(2);
            packer.packString(completion.protocolName());
            packer.packBinaryHeader(completion.completion().length);
            packer.writePayload(completion.completion());
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
    }

    public static RedisCompletion readCompletion(byte[] bytes) {
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(bytes)) {
            int size = arrayOfAtLeast(unpacker, 2, "CompletionMessage");
            String protocol = unpacker.unpackString();
            int length = unpacker.unpackBinaryHeader();
            byte[] completion = unpacker.readPayload(length);
            skip(unpacker, size - 2);
            return new RedisCompletion(protocol, completion);
        } catch (IOException | MessagePackException | NullPointerException e) {
            throw invalid("CompletionMessage", e);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static int arrayOfAtLeast(MessageUnpacker unpacker, int items, String what) throws IOException {
        int size = unpacker.unpackArrayHeader();
        if (size < items) {
            throw new RedisProtocolException("Insufficient items in " + what + " array.");
        }
        return size;
    }

    private static List<String> readStringArrayOrNil(MessageUnpacker unpacker) throws IOException {
        if (unpacker.getNextFormat() == MessageFormat.NIL) {
            unpacker.unpackNil();
            return List.of();
        }
        if (unpacker.getNextFormat().getValueType() != ValueType.ARRAY) {
            throw new RedisProtocolException("The excluded connection ids are not an array.");
        }
        int count = unpacker.unpackArrayHeader();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(unpacker.unpackString());
        }
        return values;
    }

    private static void skip(MessageUnpacker unpacker, int extraItems) throws IOException {
        for (int i = 0; i < extraItems; i++) {
            unpacker.skipValue();
        }
    }

    private static RedisProtocolException invalid(String what, Exception e) {
        if (e instanceof RedisProtocolException protocolException) {
            return protocolException;
        }
        String detail = e.getMessage() != null ? e.getMessage() : "truncated (" + e.getClass().getSimpleName() + ")";
        return new RedisProtocolException("Invalid " + what + " message: " + detail, e);
    }
}
