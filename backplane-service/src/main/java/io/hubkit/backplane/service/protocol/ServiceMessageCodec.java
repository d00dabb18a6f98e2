package io.hubkit.backplane.service.protocol;

/** Dispatches on the type id to each message record's reader and writer. Stateless. */
final class ServiceMessageCodec {

    private ServiceMessageCodec() {
    }

    static void write(ServiceMessage message, ServiceFieldWriter out) {
        switch (message.typeId()) {
            case ServiceMessageType.HANDSHAKE_REQUEST -> ((HandshakeRequestMessage) message).write(out);
            case ServiceMessageType.HANDSHAKE_RESPONSE -> ((HandshakeResponseMessage) message).write(out);
            case ServiceMessageType.PING -> ((PingMessage) message).write(out);
            case ServiceMessageType.OPEN_CONNECTION -> ((OpenConnectionMessage) message).write(out);
            case ServiceMessageType.CLOSE_CONNECTION -> ((CloseConnectionMessage) message).write(out);
            case ServiceMessageType.CONNECTION_DATA -> ((ConnectionDataMessage) message).write(out);
            case ServiceMessageType.MULTI_CONNECTION_DATA -> ((MultiConnectionDataMessage) message).write(out);
            case ServiceMessageType.USER_DATA -> ((UserDataMessage) message).write(out);
            case ServiceMessageType.MULTI_USER_DATA -> ((MultiUserDataMessage) message).write(out);
            case ServiceMessageType.BROADCAST_DATA -> ((BroadcastDataMessage) message).write(out);
            case ServiceMessageType.JOIN_GROUP -> ((JoinGroupMessage) message).write(out);
            case ServiceMessageType.LEAVE_GROUP -> ((LeaveGroupMessage) message).write(out);
            case ServiceMessageType.GROUP_BROADCAST_DATA -> ((GroupBroadcastDataMessage) message).write(out);
            case ServiceMessageType.MULTI_GROUP_BROADCAST_DATA -> ((MultiGroupBroadcastDataMessage) message).write(out);
            case ServiceMessageType.SERVICE_ERROR -> ((ServiceErrorMessage) message).write(out);
            case ServiceMessageType.USER_JOIN_GROUP -> ((UserJoinGroupMessage) message).write(out);
            case ServiceMessageType.USER_LEAVE_GROUP -> ((UserLeaveGroupMessage) message).write(out);
            case ServiceMessageType.JOIN_GROUP_WITH_ACK -> ((JoinGroupWithAckMessage) message).write(out);
            case ServiceMessageType.LEAVE_GROUP_WITH_ACK -> ((LeaveGroupWithAckMessage) message).write(out);
            case ServiceMessageType.ACK -> ((AckMessage) message).write(out);
            case ServiceMessageType.CHECK_USER_IN_GROUP_WITH_ACK ->
                ((CheckUserInGroupWithAckMessage) message).write(out);
            case ServiceMessageType.SERVICE_EVENT -> ((ServiceEventMessage) message).write(out);
            case ServiceMessageType.CHECK_GROUP_EXISTENCE_WITH_ACK ->
                ((CheckGroupExistenceWithAckMessage) message).write(out);
            case ServiceMessageType.CHECK_CONNECTION_EXISTENCE_WITH_ACK ->
                ((CheckConnectionExistenceWithAckMessage) message).write(out);
            case ServiceMessageType.CHECK_USER_EXISTENCE_WITH_ACK ->
                ((CheckUserExistenceWithAckMessage) message).write(out);
            case ServiceMessageType.USER_JOIN_GROUP_WITH_ACK -> ((UserJoinGroupWithAckMessage) message).write(out);
            case ServiceMessageType.USER_LEAVE_GROUP_WITH_ACK -> ((UserLeaveGroupWithAckMessage) message).write(out);
            case ServiceMessageType.ACCESS_KEY_REQUEST -> ((AccessKeyRequestMessage) message).write(out);
            case ServiceMessageType.ACCESS_KEY_RESPONSE -> ((AccessKeyResponseMessage) message).write(out);
            case ServiceMessageType.CLOSE_CONNECTION_WITH_ACK -> ((CloseConnectionWithAckMessage) message).write(out);
            case ServiceMessageType.CLOSE_CONNECTIONS_WITH_ACK -> ((CloseConnectionsWithAckMessage) message).write(out);
            case ServiceMessageType.CLOSE_USER_CONNECTIONS_WITH_ACK ->
                ((CloseUserConnectionsWithAckMessage) message).write(out);
            case ServiceMessageType.CLOSE_GROUP_CONNECTIONS_WITH_ACK ->
                ((CloseGroupConnectionsWithAckMessage) message).write(out);
            case ServiceMessageType.CLIENT_INVOCATION -> ((ClientInvocationMessage) message).write(out);
            case ServiceMessageType.CLIENT_COMPLETION -> ((ClientCompletionMessage) message).write(out);
            case ServiceMessageType.ERROR_COMPLETION -> ((ErrorCompletionMessage) message).write(out);
            case ServiceMessageType.SERVICE_MAPPING -> ((ServiceMappingMessage) message).write(out);
            case ServiceMessageType.CONNECTION_RECONNECT -> ((ConnectionReconnectMessage) message).write(out);
            case ServiceMessageType.CONNECTION_FLOW_CONTROL -> ((ConnectionFlowControlMessage) message).write(out);
            case ServiceMessageType.GROUP_MEMBER_QUERY -> ((GroupMemberQueryMessage) message).write(out);
            default -> throw new IllegalArgumentException("Unknown service message type " + message.typeId());
        }
    }

    /** The message of type {@code typeId} read from {@code in}; {@code null} for a type this version does not know. */
    static ServiceMessage read(int typeId, ServiceFieldReader in) {
        return switch (typeId) {
            case ServiceMessageType.HANDSHAKE_REQUEST -> HandshakeRequestMessage.read(in);
            case ServiceMessageType.HANDSHAKE_RESPONSE -> HandshakeResponseMessage.read(in);
            case ServiceMessageType.PING -> PingMessage.read(in);
            case ServiceMessageType.OPEN_CONNECTION -> OpenConnectionMessage.read(in);
            case ServiceMessageType.CLOSE_CONNECTION -> CloseConnectionMessage.read(in);
            case ServiceMessageType.CONNECTION_DATA -> ConnectionDataMessage.read(in);
            case ServiceMessageType.MULTI_CONNECTION_DATA -> MultiConnectionDataMessage.read(in);
            case ServiceMessageType.USER_DATA -> UserDataMessage.read(in);
            case ServiceMessageType.MULTI_USER_DATA -> MultiUserDataMessage.read(in);
            case ServiceMessageType.BROADCAST_DATA -> BroadcastDataMessage.read(in);
            case ServiceMessageType.JOIN_GROUP -> JoinGroupMessage.read(in);
            case ServiceMessageType.LEAVE_GROUP -> LeaveGroupMessage.read(in);
            case ServiceMessageType.GROUP_BROADCAST_DATA -> GroupBroadcastDataMessage.read(in);
            case ServiceMessageType.MULTI_GROUP_BROADCAST_DATA -> MultiGroupBroadcastDataMessage.read(in);
            case ServiceMessageType.SERVICE_ERROR -> ServiceErrorMessage.read(in);
            case ServiceMessageType.USER_JOIN_GROUP -> UserJoinGroupMessage.read(in);
            case ServiceMessageType.USER_LEAVE_GROUP -> UserLeaveGroupMessage.read(in);
            case ServiceMessageType.JOIN_GROUP_WITH_ACK -> JoinGroupWithAckMessage.read(in);
            case ServiceMessageType.LEAVE_GROUP_WITH_ACK -> LeaveGroupWithAckMessage.read(in);
            case ServiceMessageType.ACK -> AckMessage.read(in);
            case ServiceMessageType.CHECK_USER_IN_GROUP_WITH_ACK -> CheckUserInGroupWithAckMessage.read(in);
            case ServiceMessageType.SERVICE_EVENT -> ServiceEventMessage.read(in);
            case ServiceMessageType.CHECK_GROUP_EXISTENCE_WITH_ACK -> CheckGroupExistenceWithAckMessage.read(in);
            case ServiceMessageType.CHECK_CONNECTION_EXISTENCE_WITH_ACK ->
                CheckConnectionExistenceWithAckMessage.read(in);
            case ServiceMessageType.CHECK_USER_EXISTENCE_WITH_ACK -> CheckUserExistenceWithAckMessage.read(in);
            case ServiceMessageType.USER_JOIN_GROUP_WITH_ACK -> UserJoinGroupWithAckMessage.read(in);
            case ServiceMessageType.USER_LEAVE_GROUP_WITH_ACK -> UserLeaveGroupWithAckMessage.read(in);
            case ServiceMessageType.ACCESS_KEY_REQUEST -> AccessKeyRequestMessage.read(in);
            case ServiceMessageType.ACCESS_KEY_RESPONSE -> AccessKeyResponseMessage.read(in);
            case ServiceMessageType.CLOSE_CONNECTION_WITH_ACK -> CloseConnectionWithAckMessage.read(in);
            case ServiceMessageType.CLOSE_CONNECTIONS_WITH_ACK -> CloseConnectionsWithAckMessage.read(in);
            case ServiceMessageType.CLOSE_USER_CONNECTIONS_WITH_ACK -> CloseUserConnectionsWithAckMessage.read(in);
            case ServiceMessageType.CLOSE_GROUP_CONNECTIONS_WITH_ACK -> CloseGroupConnectionsWithAckMessage.read(in);
            case ServiceMessageType.CLIENT_INVOCATION -> ClientInvocationMessage.read(in);
            case ServiceMessageType.CLIENT_COMPLETION -> ClientCompletionMessage.read(in);
            case ServiceMessageType.ERROR_COMPLETION -> ErrorCompletionMessage.read(in);
            case ServiceMessageType.SERVICE_MAPPING -> ServiceMappingMessage.read(in);
            case ServiceMessageType.CONNECTION_RECONNECT -> ConnectionReconnectMessage.read(in);
            case ServiceMessageType.CONNECTION_FLOW_CONTROL -> ConnectionFlowControlMessage.read(in);
            case ServiceMessageType.GROUP_MEMBER_QUERY -> GroupMemberQueryMessage.read(in);
            default -> null;
        };
    }
}
