package io.hubkit.samples.chat.model;

/**
 * One entry of the room list.
 *
 * @param name    the room's canonical name
 * @param members how many users are in it
 * @param builtIn whether it is one of the configured default rooms (which never go away)
 */
public record RoomSummary(String name, int members, boolean builtIn) {
}
