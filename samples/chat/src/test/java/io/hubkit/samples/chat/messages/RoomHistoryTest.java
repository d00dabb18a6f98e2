package io.hubkit.samples.chat.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.samples.chat.TestProperties;
import io.hubkit.samples.chat.model.ChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomHistoryTest {

    private final MessageFactory messages = new MessageFactory(Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void keepsTheNewestMessagesOfEachRoomOldestFirst() {
        RoomHistory history = new RoomHistory(TestProperties.withRooms(List.of("general"), 5, 3));
        for (int i = 1; i <= 5; i++) {
            history.append(messages.roomMessage("general", "alice", "m" + i));
        }
        history.append(messages.roomMessage("help", "bob", "question"));

        assertThat(history.recent("general")).extracting(ChatMessage::text).containsExactly("m3", "m4", "m5");
        assertThat(history.recent("help")).extracting(ChatMessage::text).containsExactly("question");
        assertThat(history.recent("nowhere")).isEmpty();
    }

    @Test
    void forgetsTheLeastRecentlyUsedRoomBeyondTheLimit() {
        RoomHistory history = new RoomHistory(TestProperties.withRooms(List.of("general"), 2, 3));
        history.append(messages.roomMessage("a", "alice", "in a"));
        history.append(messages.roomMessage("b", "alice", "in b"));
        history.recent("a");
        history.append(messages.roomMessage("c", "alice", "in c"));

        assertThat(history.recent("b")).isEmpty();
        assertThat(history.recent("a")).extracting(ChatMessage::text).containsExactly("in a");
        assertThat(history.recent("c")).extracting(ChatMessage::text).containsExactly("in c");
    }

    @Test
    void directMessagesHaveNoHistory() {
        RoomHistory history = new RoomHistory(TestProperties.defaults());

        assertThatThrownBy(() -> history.append(messages.directMessage("alice", "bob", "hi")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageIdsIncreaseAcrossRoomsAndDirectMessages() {
        ChatMessage first = messages.roomMessage("general", "alice", "one");
        ChatMessage second = messages.directMessage("alice", "bob", "two");
        ChatMessage third = messages.roomMessage("help", "bob", "three");

        assertThat(List.of(first.id(), second.id(), third.id())).isSorted().doesNotHaveDuplicates();
        assertThat(second).isEqualTo(new ChatMessage(second.id(), null, "alice", "bob", "two",
                Instant.parse("2030-01-01T12:00:00Z")));
    }
}
