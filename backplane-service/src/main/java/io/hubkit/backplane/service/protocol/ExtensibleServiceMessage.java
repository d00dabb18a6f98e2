package io.hubkit.backplane.service.protocol;

/**
 * A service message that carries the optional {@link ServiceExtensions} map (every type except
 * {@link PingMessage} and {@link ServiceErrorMessage}).
 */
public sealed interface ExtensibleServiceMessage extends ServiceMessage permits
        HandshakeRequestMessage, HandshakeResponseMessage, OpenConnectionMessage, CloseConnectionMessage,
        ConnectionDataMessage, MultiConnectionDataMessage, UserDataMessage, MultiUserDataMessage,
        BroadcastDataMessage, JoinGroupMessage, LeaveGroupMessage, GroupBroadcastDataMessage,
        MultiGroupBroadcastDataMessage, UserJoinGroupMessage, UserLeaveGroupMessage, JoinGroupWithAckMessage,
        LeaveGroupWithAckMessage, AckMessage, CheckUserInGroupWithAckMessage, ServiceEventMessage,
        CheckGroupExistenceWithAckMessage, CheckConnectionExistenceWithAckMessage, CheckUserExistenceWithAckMessage,
        UserJoinGroupWithAckMessage, UserLeaveGroupWithAckMessage, AccessKeyRequestMessage, AccessKeyResponseMessage,
        CloseConnectionWithAckMessage, CloseConnectionsWithAckMessage, CloseUserConnectionsWithAckMessage,
        CloseGroupConnectionsWithAckMessage, ClientInvocationMessage, ClientCompletionMessage, ErrorCompletionMessage,
        ServiceMappingMessage, ConnectionReconnectMessage, ConnectionFlowControlMessage, GroupMemberQueryMessage {

    /** The optional members of this message; {@link ServiceExtensions#NONE} when it has none. */
    ServiceExtensions extensions();
}
