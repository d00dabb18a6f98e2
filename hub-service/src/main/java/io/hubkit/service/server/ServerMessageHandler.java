package io.hubkit.service.server;

import io.hubkit.backplane.service.protocol.AccessKeyRequestMessage;
import io.hubkit.backplane.service.protocol.AccessKeyResponseMessage;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.BroadcastDataMessage;
import io.hubkit.backplane.service.protocol.CheckConnectionExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckGroupExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckUserExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckUserInGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.ClientCompletionMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionWithAckMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionsWithAckMessage;
import io.hubkit.backplane.service.protocol.CloseGroupConnectionsWithAckMessage;
import io.hubkit.backplane.service.protocol.CloseUserConnectionsWithAckMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.ErrorCompletionMessage;
import io.hubkit.backplane.service.protocol.GroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.GroupMemberQueryMessage;
import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.JoinGroupMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.LeaveGroupMessage;
import io.hubkit.backplane.service.protocol.LeaveGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.MultiConnectionDataMessage;
import io.hubkit.backplane.service.protocol.MultiGroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.MultiUserDataMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceEventKind;
import io.hubkit.backplane.service.protocol.ServiceEventMessage;
import io.hubkit.backplane.service.protocol.ServiceEventObjectType;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceProtocolException;
import io.hubkit.backplane.service.protocol.UserDataMessage;
import io.hubkit.backplane.service.protocol.UserJoinGroupMessage;
import io.hubkit.backplane.service.protocol.UserJoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.UserLeaveGroupMessage;
import io.hubkit.backplane.service.protocol.UserLeaveGroupWithAckMessage;
import io.hubkit.service.routing.ClientConnection;
import io.hubkit.service.routing.RoutingLimits;
import io.hubkit.service.routing.ServiceRouter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies the messages one app server connection sends after its handshake, in arrival order (the
 * caller subscribes to each returned {@code Mono} before handling the next message): data for its
 * clients, sends, group and user operations (acks after the operation was applied, AckStatus Ok /
 * NotFound), existence checks, closes, client invocations and completions, pings. Messages only a
 * service sends are ignored (be liberal in what you accept). A group name the service refuses
 * (blank, too long) answers NotFound to acked operations and is ignored otherwise. Thread-safe.
 */
final class ServerMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ServerMessageHandler.class);

    private final ServiceRouter router;
    private final RoutingLimits limits;
    private final ServerPings pings;

    ServerMessageHandler(ServiceRouter router, ServerPings pings) {
        this.router = router;
        this.limits = router.local().limits();
        this.pings = pings;
    }

    /**
     * Applies one message from {@code session}'s server.
     *
     * @throws ServiceProtocolException for a message that may not come after the handshake
     */
    Mono<Void> handle(ServerSession session, ServiceMessage message) {
        String hub = session.hub();
        if (message instanceof ConnectionDataMessage m) {
            ServerRoutedClient client = client(session, m.connectionId());
            if (client != null) {
                client.deliverFromServer(m.payload(), m.extensions().partial());
            }
            return Mono.empty();
        }
        if (message instanceof PingMessage m) {
            pings.handle(session, m);
            return Mono.empty();
        }
        if (message instanceof MultiConnectionDataMessage m) {
            return m.connectionList().size() == 1
                    ? router.sendToConnection(hub, m.connectionList().get(0), m.payloads())
                    : router.sendToConnections(hub, m.connectionList(), m.payloads());
        }
        if (message instanceof UserDataMessage m) {
            return router.sendToUsers(hub, List.of(m.userId()), m.payloads());
        }
        if (message instanceof MultiUserDataMessage m) {
            return router.sendToUsers(hub, m.userList(), m.payloads());
        }
        if (message instanceof BroadcastDataMessage m) {
            return router.broadcast(hub, m.payloads(), m.excludedList());
        }
        if (message instanceof GroupBroadcastDataMessage m) {
            return validGroup(m.groupName()) ? router.sendToGroups(hub, Set.of(m.groupName()), m.payloads(),
                    m.excludedList(), m.excludedUserList()) : Mono.empty();
        }
        if (message instanceof MultiGroupBroadcastDataMessage m) {
            List<String> groups = m.groupList().stream().filter(this::validGroup).toList();
            return router.sendToGroups(hub, groups, m.payloads(), List.of(), List.of());
        }
        if (message instanceof CloseConnectionMessage m) {
            ServerRoutedClient client = client(session, m.connectionId());
            if (client != null) {
                client.closeFromServer(m.errorMessage());
            }
            return Mono.empty();
        }
        if (message instanceof JoinGroupMessage m) {
            return validGroup(m.groupName()) ? router.joinGroup(hub, m.connectionId(), m.groupName())
                    .doOnNext(found -> notExisted(session, found, m.connectionId())).then() : Mono.empty();
        }
        if (message instanceof LeaveGroupMessage m) {
            return validGroup(m.groupName()) ? router.leaveGroup(hub, m.connectionId(), m.groupName())
                    .doOnNext(found -> notExisted(session, found, m.connectionId())).then() : Mono.empty();
        }
        if (message instanceof JoinGroupWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.joinGroup(hub, m.connectionId(), m.groupName()) : Mono.just(false));
        }
        if (message instanceof LeaveGroupWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.leaveGroup(hub, m.connectionId(), m.groupName()) : Mono.just(false));
        }
        if (message instanceof UserJoinGroupMessage m) {
            return validGroup(m.groupName()) ? router.userJoinGroup(hub, m.userId(), m.groupName(), ttl(m.extensions()))
                    : Mono.empty();
        }
        if (message instanceof UserLeaveGroupMessage m) {
            return validGroup(m.groupName()) ? router.userLeaveGroup(hub, m.userId(), m.groupName()) : Mono.empty();
        }
        if (message instanceof UserJoinGroupWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.userJoinGroup(hub, m.userId(), m.groupName(), ttl(m.extensions())).thenReturn(true)
                    : Mono.just(false));
        }
        if (message instanceof UserLeaveGroupWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.userLeaveGroup(hub, m.userId(), m.groupName()).thenReturn(true) : Mono.just(false));
        }
        if (message instanceof CheckConnectionExistenceWithAckMessage m) {
            return acked(session, m.ackId(), router.connectionExists(hub, m.connectionId()));
        }
        if (message instanceof CheckUserExistenceWithAckMessage m) {
            return acked(session, m.ackId(), router.userExists(hub, m.userId()));
        }
        if (message instanceof CheckGroupExistenceWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.groupExists(hub, m.groupName()) : Mono.just(false));
        }
        if (message instanceof CheckUserInGroupWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName())
                    ? router.userInGroup(hub, m.userId(), m.groupName()) : Mono.just(false));
        }
        if (message instanceof CloseConnectionWithAckMessage m) {
            return acked(session, m.ackId(), router.closeConnection(hub, m.connectionId(), emptyToNull(m.reason())));
        }
        if (message instanceof CloseConnectionsWithAckMessage m) {
            return acked(session, m.ackId(), router.closeAllConnections(hub, m.excludedList(), emptyToNull(m.reason()))
                    .thenReturn(true));
        }
        if (message instanceof CloseUserConnectionsWithAckMessage m) {
            return acked(session, m.ackId(), router.closeUserConnections(hub, m.userId(), m.excludedList(),
                    emptyToNull(m.reason())).thenReturn(true));
        }
        if (message instanceof CloseGroupConnectionsWithAckMessage m) {
            return acked(session, m.ackId(), validGroup(m.groupName()) ? router.closeGroupConnections(hub, m.groupName(),
                    m.excludedList(), emptyToNull(m.reason())).thenReturn(true) : Mono.just(false));
        }
        if (message instanceof ClientInvocationMessage m) {
            return router.invokeClient(hub, m.invocationId(), m.connectionId(), m.callerServerId(), m.payloads())
                    .doOnNext(found -> {
                        if (!found) {
                            session.send(new ErrorCompletionMessage(m.invocationId(), m.connectionId(),
                                    m.callerServerId(), "Connection '" + m.connectionId() + "' does not exist.",
                                    ServiceExtensions.NONE));
                        }
                    }).then();
        }
        if (message instanceof ClientCompletionMessage m) {
            return router.completeInvocation(hub, m.invocationId(), m.connectionId(), m.callerServerId(), m.protocol(),
                    m.payload(), null, session.serverId());
        }
        if (message instanceof ErrorCompletionMessage m) {
            return router.completeInvocation(hub, m.invocationId(), m.connectionId(), m.callerServerId(), null, null,
                    m.error() == null ? "" : m.error(), session.serverId());
        }
        if (message instanceof AccessKeyRequestMessage m) {
            session.send(new AccessKeyResponseMessage(m.kid(), null, "NotSupported",
                    "This service signs with static access keys only; Entra ID access keys are not available.",
                    ServiceExtensions.NONE));
            return Mono.empty();
        }
        if (message instanceof GroupMemberQueryMessage m) {
            session.send(new AckMessage(m.ackId(), AckStatus.INTERNAL_SERVER_ERROR.code(),
                    "Group member queries are not supported by this service.", ServiceExtensions.NONE, null));
            return Mono.empty();
        }
        if (message instanceof HandshakeRequestMessage) {
            throw new ServiceProtocolException("A handshake request was received after the handshake.");
        }
        log.debug("Ignoring {} from {}", message.getClass().getSimpleName(), session);
        return Mono.empty();
    }

    /**
     * The client {@code connectionId} if it is routed over a connection of {@code session}'s server
     * (a server may only address its own clients this way), else {@code null}.
     */
    private ServerRoutedClient client(ServerSession session, String connectionId) {
        ClientConnection connection = router.local().connection(session.hub(), connectionId);
        if (!(connection instanceof ServerRoutedClient routed)) {
            return null;
        }
        if (session.id().equals(routed.serverConnectionId())) {
            return routed;
        }
        var carrier = router.local().server(session.hub(), routed.serverConnectionId());
        return carrier != null && carrier.serverId().equals(session.serverId()) ? routed : null;
    }

    private boolean validGroup(String group) {
        return limits.isValidGroup(group);
    }

    private static void notExisted(ServerSession session, boolean found, String connectionId) {
        if (!found) {
            session.send(new ServiceEventMessage(ServiceEventObjectType.CONNECTION.code(), connectionId,
                    ServiceEventKind.NOT_EXISTED.code(), "Connection " + connectionId + " is not existed.",
                    ServiceExtensions.NONE));
        }
    }

    private static Mono<Void> acked(ServerSession session, int ackId, Mono<Boolean> operation) {
        return operation
                .map(found -> new AckMessage(ackId, (found ? AckStatus.OK : AckStatus.NOT_FOUND).code(), "",
                        ServiceExtensions.NONE, null))
                .onErrorResume(error -> {
                    log.warn("Operation of ack {} from {} failed", ackId, session, error);
                    return Mono.just(new AckMessage(ackId, AckStatus.INTERNAL_SERVER_ERROR.code(),
                            String.valueOf(error.getMessage()), ServiceExtensions.NONE, null));
                })
                .doOnNext(session::send)
                .then();
    }

    private static Duration ttl(ServiceExtensions extensions) {
        Integer seconds = extensions.ttl();
        return seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
