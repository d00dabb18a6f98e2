package io.hubkit.spring.e2e;

import io.hubkit.core.context.HubContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reaches the test hub's clients from outside the hub, through an injected {@code HubContext<TestHub>}. */
@RestController
@RequestMapping("/api")
public class TestController {

    private final HubContext<TestHub> hub;
    private final HubContext<OtherHub> other;

    public TestController(HubContext<TestHub> hub, HubContext<OtherHub> other) {
        this.hub = hub;
        this.other = other;
    }

    @PostMapping("/broadcast")
    public Mono<String> broadcast(@RequestParam String text) {
        return hub.clients().all().send("broadcast", text).thenReturn("sent");
    }

    @PostMapping("/other/broadcast")
    public Mono<String> broadcastOnOther(@RequestParam String text) {
        return other.clients().all().send("broadcast", text).thenReturn("sent");
    }

    /** Like the official test server's {@code /clientresult/{id}}: the client's number, or the error text. */
    @GetMapping("/clientresult/{connectionId}")
    public Mono<String> clientResult(@PathVariable String connectionId) {
        return hub.clients().client(connectionId).invoke(Integer.class, "getNumber")
                .map(String::valueOf)
                .onErrorResume(e -> Mono.just(e.getMessage()));
    }
}
