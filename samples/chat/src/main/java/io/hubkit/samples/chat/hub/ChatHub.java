package io.hubkit.samples.chat.hub;

import io.hubkit.core.HubException;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.samples.chat.ChatProperties;
import io.hubkit.samples.chat.input.ChatInput;
import io.hubkit.samples.chat.input.MessageRateLimiter;
import io.hubkit.samples.chat.messages.MessageFactory;
import io.hubkit.samples.chat.messages.RoomHistory;
import io.hubkit.samples.chat.model.ChatMessage;
import io.hubkit.samples.chat.model.RoomSnapshot;
import io.hubkit.samples.chat.model.RoomSummary;
import io.hubkit.samples.chat.presence.Departure;
import io.hubkit.samples.chat.presence.PresenceService;
import io.hubkit.samples.chat.presence.RoomExit;
import io.hubkit.samples.chat.presence.RoomMove;
import io.hubkit.spring.Hub;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chat hub. Each connection belongs to a user (the name the page picked, see
 * {@link io.hubkit.samples.chat.QueryParameterUserIdProvider}) and sits in at most one room, which is a hub group of the
 * same name. What the page can call:
 *
 * <ul>
 *   <li>{@code rooms()}, {@code onlineUsers()} — the lists for the sidebar</li>
 *   <li>{@code joinRoom(room)} — switch to a room (created on first use), returns who is there;
 *       then {@code history(room)} streams its recent messages</li>
 *   <li>{@code leaveRoom()}, {@code sendMessage(room, text)}, {@code sendDirectMessage(user, text)}</li>
 *   <li>{@code typing(room, isTyping)} — relayed to the others in the room, best effort</li>
 * </ul>
 *
 * Bad input and too many messages are refused with a {@link HubException} whose text the page shows.
 * Methods run on the connection's I/O thread and never block: presence and history are in memory.
 */
@Hub("/hubs/chat")
public class ChatHub {

    private static final String MESSAGE_LIMITER = "chat.message-limiter";
    private static final String TYPING_LIMITER = "chat.typing-limiter";
    /** Typing notices may come this many times faster than messages. */
    private static final double TYPING_RATE_FACTOR = 4;

    private final PresenceService presence;
    private final RoomHistory history;
    private final MessageFactory messages;
    private final ChatInput input;
    private final ChatProperties.RateLimit rateLimit;

    public ChatHub(PresenceService presence, RoomHistory history, MessageFactory messages, ChatInput input,
                   ChatProperties properties) {
        this.presence = presence;
        this.history = history;
        this.messages = messages;
        this.input = input;
        this.rateLimit = properties.rateLimit();
    }

    /** Registers the connection; refuses it when the page did not give a valid user name. */
    @OnConnected
    public Mono<Void> connected(HubCallerContext caller, HubCallerClients clients) {
        String user = caller.userIdentifier();
        if (user == null) {
            throw new HubException(input.userNameRule());
        }
        boolean firstConnection = presence.connect(caller.connectionId(), user);
        return firstConnection ? clients.others().as(ChatClient.class).userOnline(user) : Mono.empty();
    }

    /** Takes the connection out of its room and tells the others when its user is gone. */
    @OnDisconnected
    public Mono<Void> disconnected(HubCallerContext caller, HubCallerClients clients) {
        Departure departure = presence.disconnect(caller.connectionId());
        if (departure == null) {
            return Mono.empty();
        }
        Mono<Void> leftRoom = announceExit(departure.room(), departure.user(), clients);
        Mono<Void> wentOffline = departure.userOffline()
                ? clients.all().as(ChatClient.class).userOffline(departure.user())
                : Mono.empty();
        return leftRoom.then(wentOffline);
    }

    /** The default rooms, then every other open room, with member counts. */
    public List<RoomSummary> rooms() {
        return presence.rooms();
    }

    /** Every user who is online, sorted by name. */
    public List<String> onlineUsers() {
        return presence.onlineUsers();
    }

    /** Moves the caller into {@code room} (leaving its current one) and returns who is there. */
    public Mono<RoomSnapshot> joinRoom(String room, HubCallerContext caller, HubCallerClients clients,
                                       GroupManager groups) {
        String name = input.roomName(room);
        RoomMove move = presence.join(caller.connectionId(), name);
        Mono<Void> leavePrevious = move.previous() == null
                ? Mono.empty()
                : groups.removeFromGroup(caller.connectionId(), move.previous().room())
                        .then(announceExit(move.previous(), move.user(), clients));
        Mono<Void> enter = groups.addToGroup(caller.connectionId(), name)
                .then(move.userIsNew()
                        ? clients.othersInGroup(name).as(ChatClient.class).userJoined(name, move.user())
                        : Mono.empty());
        return leavePrevious.then(enter).thenReturn(new RoomSnapshot(name, move.members()));
    }

    /** Takes the caller out of its room, if it is in one. */
    public Mono<Void> leaveRoom(HubCallerContext caller, HubCallerClients clients, GroupManager groups) {
        RoomExit exit = presence.leave(caller.connectionId());
        if (exit == null) {
            return Mono.empty();
        }
        return groups.removeFromGroup(caller.connectionId(), exit.room())
                .then(announceExit(exit, caller.userIdentifier(), clients));
    }

    /** Streams the recent messages of {@code room}, oldest first; only to a caller who is in it. */
    public Flux<ChatMessage> history(String room, HubCallerContext caller) {
        String name = input.roomName(room);
        requireInRoom(caller, name, "read its history");
        return Flux.fromIterable(history.recent(name));
    }

    /** Sends {@code text} to everyone in {@code room}, the caller included; the caller must be in it. */
    public Mono<Void> sendMessage(String room, String text, HubCallerContext caller, HubCallerClients clients) {
        String name = input.roomName(room);
        String body = input.messageText(text);
        requireInRoom(caller, name, "write there");
        throttle(caller);
        ChatMessage message = messages.roomMessage(name, caller.userIdentifier(), body);
        history.append(message);
        return clients.group(name).as(ChatClient.class).receiveMessage(message);
    }

    /** Sends {@code text} to every connection of user {@code to} and of the caller's user. */
    public Mono<Void> sendDirectMessage(String to, String text, HubCallerContext caller, HubCallerClients clients) {
        String target = input.userName(to);
        String body = input.messageText(text);
        String user = caller.userIdentifier();
        if (target.equals(user)) {
            throw new HubException("Direct messages go to someone else.");
        }
        if (!presence.isOnline(target)) {
            throw new HubException(target + " is not online.");
        }
        throttle(caller);
        ChatMessage message = messages.directMessage(user, target, body);
        return clients.users(target, user).as(ChatClient.class).directMessage(message);
    }

    /** Tells the others in {@code room} that the caller started or stopped typing; dropped when not in it or too frequent. */
    public Mono<Void> typing(String room, boolean isTyping, HubCallerContext caller, HubCallerClients clients) {
        String name = input.roomName(room);
        if (!name.equals(presence.roomOf(caller.connectionId())) || !typingAllowed(caller)) {
            return Mono.empty();
        }
        return clients.othersInGroup(name).as(ChatClient.class).typing(name, caller.userIdentifier(), isTyping);
    }

    private Mono<Void> announceExit(RoomExit exit, String user, HubCallerClients clients) {
        if (exit == null || !exit.userIsGone()) {
            return Mono.empty();
        }
        return clients.group(exit.room()).as(ChatClient.class).userLeft(exit.room(), user);
    }

    private void requireInRoom(HubCallerContext caller, String room, String purpose) {
        if (!room.equals(presence.roomOf(caller.connectionId()))) {
            throw new HubException("Join #" + room + " to " + purpose + ".");
        }
    }

    private void throttle(HubCallerContext caller) {
        if (!limiter(caller, MESSAGE_LIMITER, rateLimit.perSecond()).tryAcquire()) {
            throw new HubException("You are sending messages too fast; wait a moment.");
        }
    }

    private boolean typingAllowed(HubCallerContext caller) {
        return limiter(caller, TYPING_LIMITER, rateLimit.perSecond() * TYPING_RATE_FACTOR).tryAcquire();
    }

    /** The connection's limiter for one kind of event, created on first use and kept in its items. */
    private MessageRateLimiter limiter(HubCallerContext caller, String key, double perSecond) {
        return (MessageRateLimiter) caller.items().computeIfAbsent(key,
                k -> new MessageRateLimiter(rateLimit.burst(), perSecond, System::nanoTime));
    }
}
