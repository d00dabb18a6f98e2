package io.hubkit.samples.chat;

import io.hubkit.core.HubException;
import io.hubkit.core.context.HubContext;
import io.hubkit.samples.chat.hub.ChatClient;
import io.hubkit.samples.chat.hub.ChatHub;
import io.hubkit.samples.chat.input.ChatInput;
import io.hubkit.samples.chat.model.Announcement;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/announcements} with {@code {"text": "…"}} shows a notice on every open chat page:
 * sending from outside the hub, through {@code HubContext<ChatHub>}. Answers 202 once the notice is
 * handed to the backplane, 400 when the text is blank or too long.
 *
 * <p>Unprotected because this is a demo; a real application would restrict it to operators.
 */
@RestController
public class AnnouncementController {

    private final HubContext<ChatHub> chat;
    private final ChatInput input;
    private final Clock clock = Clock.systemUTC();

    public AnnouncementController(HubContext<ChatHub> chat, ChatInput input) {
        this.chat = chat;
        this.input = input;
    }

    /** The request body. */
    public record AnnouncementRequest(String text) {
    }

    @PostMapping("/api/announcements")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> announce(@RequestBody AnnouncementRequest request) {
        String text;
        try {
            text = input.messageText(request.text());
        } catch (HubException invalid) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage()));
        }
        return chat.clients().all().as(ChatClient.class).announcement(new Announcement(text, clock.instant()));
    }
}
