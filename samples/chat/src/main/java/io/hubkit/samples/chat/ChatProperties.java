package io.hubkit.samples.chat;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chat's own settings ({@code chat.*} in {@code application.yml}). Every limit that keeps memory
 * bounded or input sane lives here. Immutable once bound.
 *
 * @param defaultRooms     rooms that always exist and are listed first; the first one is where a new user lands
 * @param maxRooms         most rooms (default ones included) that may hold members or history at once
 * @param historySize      messages kept per room and streamed to whoever joins it
 * @param maxNameLength    longest user or room name, in characters
 * @param maxMessageLength longest message or announcement, in characters
 * @param rateLimit        how fast one connection may send messages
 */
@ConfigurationProperties("chat")
public record ChatProperties(
        @DefaultValue({"general", "random", "help"}) List<String> defaultRooms,
        @DefaultValue("50") int maxRooms,
        @DefaultValue("50") int historySize,
        @DefaultValue("24") int maxNameLength,
        @DefaultValue("500") int maxMessageLength,
        @DefaultValue RateLimit rateLimit) {

    public ChatProperties {
        defaultRooms = List.copyOf(defaultRooms);
        if (defaultRooms.isEmpty()) {
            throw new IllegalArgumentException("chat.default-rooms must name at least one room");
        }
        if (maxRooms < defaultRooms.size()) {
            throw new IllegalArgumentException("chat.max-rooms must be at least the number of default rooms");
        }
        requirePositive(historySize, "chat.history-size");
        requirePositive(maxNameLength, "chat.max-name-length");
        requirePositive(maxMessageLength, "chat.max-message-length");
    }

    /**
     * A token bucket per connection: up to {@code burst} messages at once, refilled at
     * {@code perSecond} messages per second.
     *
     * @param burst     messages that may be sent back to back
     * @param perSecond sustained messages per second
     */
    public record RateLimit(@DefaultValue("5") int burst, @DefaultValue("1.0") double perSecond) {

        public RateLimit {
            requirePositive(burst, "chat.rate-limit.burst");
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("chat.rate-limit.per-second must be positive");
            }
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
