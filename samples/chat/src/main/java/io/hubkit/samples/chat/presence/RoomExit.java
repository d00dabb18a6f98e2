package io.hubkit.samples.chat.presence;

/**
 * A connection left a room.
 *
 * @param room       the room it left
 * @param userIsGone whether the user has no other connection left in that room (so the room should
 *                   hear that the user left)
 */
public record RoomExit(String room, boolean userIsGone) {
}
