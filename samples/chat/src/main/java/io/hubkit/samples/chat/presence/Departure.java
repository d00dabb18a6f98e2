package io.hubkit.samples.chat.presence;

/**
 * A connection went away.
 *
 * @param user        its user
 * @param room        the room it was in, or {@code null}
 * @param userOffline whether that was the user's last connection
 */
public record Departure(String user, RoomExit room, boolean userOffline) {
}
