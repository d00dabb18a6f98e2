package io.hubkit.samples.chat.presence;

import java.util.List;

/**
 * A connection moved into a room (leaving the one it was in, if any).
 *
 * @param user          the connection's user
 * @param room          the room it is in now
 * @param previous      the room it left, or {@code null} if it was in none or re-joined the same room
 * @param userIsNew     whether the user had no other connection in {@code room} before (so the room
 *                      should hear that the user joined)
 * @param members       the users in {@code room} now, sorted
 */
public record RoomMove(String user, String room, RoomExit previous, boolean userIsNew, List<String> members) {

    public RoomMove {
        members = List.copyOf(members);
    }
}
