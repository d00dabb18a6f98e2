package io.hubkit.samples.chat.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.HubException;
import io.hubkit.samples.chat.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatInputTest {

    private final ChatInput input = new ChatInput(TestProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Zoë", "bob_2", "j.doe", "x-y", "123456789012345678901234"})
    void acceptsNames(String name) {
        assertThat(input.userName(name)).isEqualTo(name);
    }

    @Test
    void stripsBlanksAroundNames() {
        assertThat(input.userNameOrNull("  alice ")).isEqualTo("alice");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "a b", "<script>", "1234567890123456789012345", "ali\nce", "bob@home"})
    void refusesOtherNames(String name) {
        assertThat(input.userNameOrNull(name)).isNull();
        assertThatThrownBy(() -> input.userName(name))
                .isInstanceOf(HubException.class)
                .hasMessage("A name is 1 to 24 letters, digits, '_', '.' or '-'.");
    }

    @Test
    void normalisesRoomNames() {
        assertThat(input.roomName(" #Random ")).isEqualTo("random");
        assertThat(input.roomName("team-42")).isEqualTo("team-42");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"#", "-lead", "two words", "ünïcode", "abcdefghijklmnopqrstuvwxy"})
    void refusesOtherRoomNames(String room) {
        assertThatThrownBy(() -> input.roomName(room))
                .isInstanceOf(HubException.class)
                .hasMessageStartingWith("A room name is 1 to 24 lower-case letters");
    }

    @Test
    void trimsMessagesAndKeepsLineBreaks() {
        assertThat(input.messageText("  hello\n\tworld  ")).isEqualTo("hello\n\tworld");
        assertThat(input.messageText("<b>kept as text</b>")).isEqualTo("<b>kept as text</b>");
    }

    @Test
    void refusesBlankLongAndControlCharacterMessages() {
        assertThatThrownBy(() -> input.messageText(" \n ")).hasMessage("Write something first.");
        assertThatThrownBy(() -> input.messageText(null)).hasMessage("Write something first.");
        assertThatThrownBy(() -> input.messageText("x".repeat(501))).hasMessage("A message is at most 500 characters.");
        assertThatThrownBy(() -> input.messageText("bell\u0007")).hasMessage("A message cannot contain control characters.");
        assertThat(input.messageText("😀".repeat(500))).as("counted in characters, not UTF-16 units").hasSize(1000);
    }
}
