package io.hubkit.samples.chat.model;

import java.time.Instant;

/**
 * One chat message, either to a room or directly to a user. Ids increase in the order the server
 * accepted the messages, so the page can order and de-duplicate what it gets from the live feed and
 * from a history stream.
 *
 * @param id     server-wide increasing id
 * @param room   the room it was sent to, or {@code null} for a direct message
 * @param from   the sender's user name
 * @param to     the addressee of a direct message, or {@code null} for a room message
 * @param text   the text, trimmed, as typed (never interpreted as markup)
 * @param sentAt when the server accepted it
 */
public record ChatMessage(long id, String room, String from, String to, String text, Instant sentAt) {
}
