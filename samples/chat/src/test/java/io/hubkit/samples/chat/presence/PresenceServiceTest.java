package io.hubkit.samples.chat.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.HubException;
import io.hubkit.samples.chat.TestProperties;
import io.hubkit.samples.chat.model.RoomSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {

    private final PresenceService presence = new PresenceService(TestProperties.withRooms(List.of("general", "help"), 4, 10));

    @Test
    void aUserIsOnlineFromTheFirstConnectionToTheLast() {
        assertThat(presence.connect("c1", "alice")).isTrue();
        assertThat(presence.connect("c2", "alice")).isFalse();
        assertThat(presence.connect("c3", "Bob")).isTrue();
        assertThat(presence.onlineUsers()).containsExactly("alice", "Bob");

        assertThat(presence.disconnect("c1")).isEqualTo(new Departure("alice", null, false));
        assertThat(presence.isOnline("alice")).isTrue();
        assertThat(presence.disconnect("c2")).isEqualTo(new Departure("alice", null, true));
        assertThat(presence.isOnline("alice")).isFalse();
        assertThat(presence.onlineUsers()).containsExactly("Bob");
        assertThat(presence.disconnect("c2")).isNull();
    }

    @Test
    void joiningMovesAConnectionBetweenRoomsAndCountsUsersOncePerRoom() {
        presence.connect("a1", "alice");
        presence.connect("a2", "alice");
        presence.connect("b1", "bob");

        assertThat(presence.join("a1", "general")).isEqualTo(new RoomMove("alice", "general", null, true, List.of("alice")));
        assertThat(presence.join("a2", "general").userIsNew()).as("alice's second tab").isFalse();
        assertThat(presence.join("b1", "general").members()).containsExactly("alice", "bob");

        RoomMove move = presence.join("a1", "help");
        assertThat(move.previous()).isEqualTo(new RoomExit("general", false));
        assertThat(move.members()).containsExactly("alice");
        assertThat(presence.members("general")).containsExactly("alice", "bob");

        assertThat(presence.join("a2", "help").previous()).isEqualTo(new RoomExit("general", true));
        assertThat(presence.members("general")).containsExactly("bob");
        assertThat(presence.roomOf("a2")).isEqualTo("help");
    }

    @Test
    void rejoiningTheSameRoomChangesNothing() {
        presence.connect("a1", "alice");
        presence.join("a1", "general");

        assertThat(presence.join("a1", "general")).isEqualTo(new RoomMove("alice", "general", null, false, List.of("alice")));
    }

    @Test
    void leavingAndDisconnectingReportTheRoomLeft() {
        presence.connect("a1", "alice");
        presence.connect("b1", "bob");
        presence.join("a1", "general");
        presence.join("b1", "general");

        assertThat(presence.leave("a1")).isEqualTo(new RoomExit("general", true));
        assertThat(presence.leave("a1")).isNull();
        assertThat(presence.roomOf("a1")).isNull();
        assertThat(presence.disconnect("b1")).isEqualTo(new Departure("bob", new RoomExit("general", true), true));
        assertThat(presence.members("general")).isEmpty();
    }

    @Test
    void customRoomsExistWhileOccupiedAndAreBounded() {
        presence.connect("a1", "alice");
        presence.connect("b1", "bob");
        presence.connect("c1", "carol");
        presence.join("a1", "lounge");
        presence.join("b1", "games");

        assertThat(presence.rooms()).containsExactly(
                new RoomSummary("general", 0, true), new RoomSummary("help", 0, true),
                new RoomSummary("games", 1, false), new RoomSummary("lounge", 1, false));
        assertThatThrownBy(() -> presence.join("c1", "music"))
                .isInstanceOf(HubException.class)
                .hasMessage("There are too many rooms open right now; join one of the existing rooms.");

        presence.join("b1", "general");
        assertThat(presence.rooms()).extracting(RoomSummary::name).containsExactly("general", "help", "lounge");
        assertThat(presence.join("c1", "music").members()).containsExactly("carol");
    }

    @Test
    void anUnknownConnectionCannotJoin() {
        assertThatThrownBy(() -> presence.join("nobody", "general"))
                .isInstanceOf(HubException.class)
                .hasMessage("This connection is not signed in.");
    }

    @Test
    void concurrentConnectionsLeaveNothingBehind() throws Exception {
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String id = thread + "-" + i;
                    presence.connect(id, "user" + (i % 7));
                    presence.join(id, i % 2 == 0 ? "general" : "help");
                    presence.disconnect(id);
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(presence.onlineUsers()).isEmpty();
        assertThat(presence.members("general")).isEmpty();
        assertThat(presence.members("help")).isEmpty();
    }
}
