package io.hubkit.spring.limits;

import io.hubkit.spring.Hub;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A hub to run into the limits with. */
@Hub("/hubs/limited")
public class LimitedHub {

    public String echo(String text) {
        return text;
    }

    /** A stream that runs until the client cancels it. */
    public Flux<Long> ticks() {
        return Flux.interval(Duration.ofMillis(200));
    }

    /** Adds the caller to {@code group}. */
    public Mono<String> join(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group).thenReturn("joined " + group);
    }

    /** Sends {@code count} {@code news} messages (a number and {@code text}) to {@code group}, one after the other. */
    public Mono<Integer> flood(String group, int count, String text, HubCallerClients clients) {
        return Flux.range(0, count)
                .concatMap(i -> clients.group(group).send("news", i, text))
                .then(Mono.just(count));
    }
}
