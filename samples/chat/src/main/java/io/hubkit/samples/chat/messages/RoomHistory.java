package io.hubkit.samples.chat.messages;

import io.hubkit.samples.chat.ChatProperties;
import io.hubkit.samples.chat.model.ChatMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The most recent messages of each room, oldest first. Bounded twice: at most
 * {@code chat.history-size} messages per room (the oldest one drops out) and at most
 * {@code chat.max-rooms} rooms (the room used least recently, read or written, is forgotten).
 *
 * <p>Thread-safe: all access is under one lock, held only to copy or append.
 */
@Service
public class RoomHistory {

    private final int messagesPerRoom;
    /** room → its recent messages, in order of last write (access order); guarded by itself. */
    private final Map<String, Deque<ChatMessage>> rooms;

    public RoomHistory(ChatProperties properties) {
        this.messagesPerRoom = properties.historySize();
        int maxRooms = properties.maxRooms();
        this.rooms = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<ChatMessage>> eldest) {
                return size() > maxRooms;
            }
        };
    }

    /** Keeps {@code message} as the newest of its room. */
    public void append(ChatMessage message) {
        if (message.room() == null) {
            throw new IllegalArgumentException("direct messages have no room history");
        }
        synchronized (rooms) {
            Deque<ChatMessage> messages = rooms.computeIfAbsent(message.room(), r -> new ArrayDeque<>(messagesPerRoom));
            if (messages.size() == messagesPerRoom) {
                messages.removeFirst();
            }
            messages.addLast(message);
        }
    }

    /** A copy of the room's recent messages, oldest first; empty for a room without history. */
    public List<ChatMessage> recent(String room) {
        synchronized (rooms) {
            Deque<ChatMessage> messages = rooms.get(room);
            return messages == null ? List.of() : List.copyOf(messages);
        }
    }
}
