package io.hubkit.samples.chat.messages;

import io.hubkit.samples.chat.model.ChatMessage;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stamps new messages with an id (increasing, server-wide, never reused while the server runs) and
 * the time they were accepted. Thread-safe and lock-free.
 */
@Component
public class MessageFactory {

    private final AtomicLong lastId = new AtomicLong();
    private final Clock clock;

    @Autowired
    public MessageFactory() {
        this(Clock.systemUTC());
    }

    public MessageFactory(Clock clock) {
        this.clock = clock;
    }

    /** A message from {@code from} to everyone in {@code room}. */
    public ChatMessage roomMessage(String room, String from, String text) {
        return new ChatMessage(lastId.incrementAndGet(), room, from, null, text, clock.instant());
    }

    /** A direct message from {@code from} to {@code to}. */
    public ChatMessage directMessage(String from, String to, String text) {
        return new ChatMessage(lastId.incrementAndGet(), null, from, to, text, clock.instant());
    }
}
