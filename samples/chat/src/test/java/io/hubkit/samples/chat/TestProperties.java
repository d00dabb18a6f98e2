package io.hubkit.samples.chat;

import java.util.List;

/** {@link ChatProperties} for unit tests, with the application's defaults unless a test says otherwise. */
public final class TestProperties {

    private TestProperties() {
    }

    public static ChatProperties defaults() {
        return withRooms(List.of("general", "random", "help"), 50, 50);
    }

    public static ChatProperties withRooms(List<String> defaultRooms, int maxRooms, int historySize) {
        return new ChatProperties(defaultRooms, maxRooms, historySize, 24, 500, new ChatProperties.RateLimit(5, 1.0));
    }
}
