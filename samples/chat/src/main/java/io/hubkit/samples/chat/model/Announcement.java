package io.hubkit.samples.chat.model;

import java.time.Instant;

/**
 * A system-wide notice, sent to every connected page from outside the hub.
 *
 * @param text   the notice
 * @param sentAt when the server sent it
 */
public record Announcement(String text, Instant sentAt) {
}
