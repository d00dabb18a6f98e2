package io.hubkit.samples.chat.model;

import java.util.List;

/**
 * What a caller learns when it joins a room: the room's canonical name and who is in it (itself
 * included), sorted by name. The room's history arrives separately, as a stream.
 *
 * @param room    the room's canonical (lower-case) name
 * @param members user names present in the room
 */
public record RoomSnapshot(String room, List<String> members) {

    public RoomSnapshot {
        members = List.copyOf(members);
    }
}
