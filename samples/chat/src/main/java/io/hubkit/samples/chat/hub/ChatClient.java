package io.hubkit.samples.chat.hub;

import io.hubkit.samples.chat.model.Announcement;
import io.hubkit.samples.chat.model.ChatMessage;
import reactor.core.publisher.Mono;

/**
 * The methods the chat page handles, used through {@code clients.group(room).as(ChatClient.class)}.
 * Each call is sent under the method's name; the returned {@code Mono} sends when subscribed (or
 * returned from a hub method) and completes once the message is handed to the backplane.
 */
public interface ChatClient {

    /** A new message in a room the client is in. */
    Mono<Void> receiveMessage(ChatMessage message);

    /** A direct message to or from the client's user (senders see their own, on every tab). */
    Mono<Void> directMessage(ChatMessage message);

    /** {@code user} came into {@code room}. */
    Mono<Void> userJoined(String room, String user);

    /** {@code user} left {@code room} (switched rooms, left, or went offline). */
    Mono<Void> userLeft(String room, String user);

    /** {@code user} opened their first connection. */
    Mono<Void> userOnline(String user);

    /** {@code user} closed their last connection. */
    Mono<Void> userOffline(String user);

    /** {@code user} started ({@code true}) or stopped typing in {@code room}. */
    Mono<Void> typing(String room, String user, boolean typing);

    /** A notice for everyone. */
    Mono<Void> announcement(Announcement announcement);
}
