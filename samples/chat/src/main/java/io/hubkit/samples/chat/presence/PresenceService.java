package io.hubkit.samples.chat.presence;

import io.hubkit.core.HubException;
import io.hubkit.samples.chat.ChatProperties;
import io.hubkit.samples.chat.model.RoomSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * In-memory presence: which connections are online, for which user, and which room each one is in
 * (a connection is in at most one room at a time). A user may have several connections (tabs); a
 * user counts once per room however many of its connections are there.
 *
 * <p>Thread-safe: every operation runs under one lock and is short (no I/O, no callbacks), so
 * callers on event-loop threads never wait long. Results are immutable snapshots.
 *
 * <p>Bounded: the configured default rooms always exist; other rooms exist while someone is in
 * them, and at most {@code chat.max-rooms} rooms exist at once.
 */
@Service
public class PresenceService {

    private static final Comparator<String> BY_NAME =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final Object lock = new Object();
    private final List<String> defaultRooms;
    private final int maxRooms;
    /** connection id → its user and room; guarded by {@link #lock}. */
    private final Map<String, Seat> connections = new HashMap<>();
    /** user → number of its connections; guarded by {@link #lock}. */
    private final Map<String, Integer> users = new HashMap<>();
    /** room → (user → number of the user's connections in the room); guarded by {@link #lock}. */
    private final Map<String, Map<String, Integer>> rooms = new LinkedHashMap<>();

    public PresenceService(ChatProperties properties) {
        this.defaultRooms = properties.defaultRooms();
        this.maxRooms = properties.maxRooms();
        defaultRooms.forEach(room -> rooms.put(room, new HashMap<>()));
    }

    /** Registers a new connection of {@code user}; {@code true} when it is the user's first one. */
    public boolean connect(String connectionId, String user) {
        synchronized (lock) {
            if (connections.putIfAbsent(connectionId, new Seat(user, null)) != null) {
                throw new IllegalStateException("connection " + connectionId + " is already registered");
            }
            return users.merge(user, 1, Integer::sum) == 1;
        }
    }

    /** Forgets a connection; {@code null} when it was not registered. */
    public Departure disconnect(String connectionId) {
        synchronized (lock) {
            Seat seat = connections.remove(connectionId);
            if (seat == null) {
                return null;
            }
            RoomExit exit = seat.room() == null ? null : removeFromRoom(seat.user(), seat.room());
            boolean offline = decrement(users, seat.user());
            return new Departure(seat.user(), exit, offline);
        }
    }

    /**
     * Moves a connection into {@code room}, out of the room it was in. Joining the room it is already
     * in changes nothing. Fails with a {@link HubException} when the room would be one too many.
     */
    public RoomMove join(String connectionId, String room) {
        synchronized (lock) {
            Seat seat = seatOf(connectionId);
            if (room.equals(seat.room())) {
                return new RoomMove(seat.user(), room, null, false, membersOf(room));
            }
            if (!rooms.containsKey(room) && rooms.size() >= maxRooms) {
                throw new HubException("There are too many rooms open right now; join one of the existing rooms.");
            }
            RoomExit previous = seat.room() == null ? null : removeFromRoom(seat.user(), seat.room());
            boolean userIsNew = rooms.computeIfAbsent(room, r -> new HashMap<>()).merge(seat.user(), 1, Integer::sum) == 1;
            connections.put(connectionId, new Seat(seat.user(), room));
            return new RoomMove(seat.user(), room, previous, userIsNew, membersOf(room));
        }
    }

    /** Takes a connection out of its room; {@code null} when it was in none. */
    public RoomExit leave(String connectionId) {
        synchronized (lock) {
            Seat seat = seatOf(connectionId);
            if (seat.room() == null) {
                return null;
            }
            connections.put(connectionId, new Seat(seat.user(), null));
            return removeFromRoom(seat.user(), seat.room());
        }
    }

    /** The room the connection is in, or {@code null}. */
    public String roomOf(String connectionId) {
        synchronized (lock) {
            Seat seat = connections.get(connectionId);
            return seat == null ? null : seat.room();
        }
    }

    /** Whether {@code user} has at least one connection. */
    public boolean isOnline(String user) {
        synchronized (lock) {
            return users.containsKey(user);
        }
    }

    /** Every online user, sorted by name. */
    public List<String> onlineUsers() {
        synchronized (lock) {
            return sorted(users.keySet());
        }
    }

    /** The users in {@code room}, sorted by name; empty for an unknown room. */
    public List<String> members(String room) {
        synchronized (lock) {
            return membersOf(room);
        }
    }

    /** The default rooms in their configured order, then the other open rooms by name. */
    public List<RoomSummary> rooms() {
        synchronized (lock) {
            List<RoomSummary> summaries = new ArrayList<>(rooms.size());
            for (String room : defaultRooms) {
                summaries.add(new RoomSummary(room, rooms.get(room).size(), true));
            }
            rooms.keySet().stream()
                    .filter(room -> !defaultRooms.contains(room))
                    .sorted()
                    .forEach(room -> summaries.add(new RoomSummary(room, rooms.get(room).size(), false)));
            return List.copyOf(summaries);
        }
    }

    private Seat seatOf(String connectionId) {
        Seat seat = connections.get(connectionId);
        if (seat == null) {
            throw new HubException("This connection is not signed in.");
        }
        return seat;
    }

    private RoomExit removeFromRoom(String user, String room) {
        Map<String, Integer> members = rooms.get(room);
        boolean userIsGone = decrement(members, user);
        if (members.isEmpty() && !defaultRooms.contains(room)) {
            rooms.remove(room);
        }
        return new RoomExit(room, userIsGone);
    }

    private List<String> membersOf(String room) {
        Map<String, Integer> members = rooms.get(room);
        return members == null ? List.of() : sorted(members.keySet());
    }

    /** Counts one connection of {@code user} less; {@code true} when none is left. */
    private static boolean decrement(Map<String, Integer> counts, String user) {
        return counts.compute(user, (u, n) -> n == null || n <= 1 ? null : n - 1) == null;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted(BY_NAME).toList();
    }

    private record Seat(String user, String room) {
    }
}
