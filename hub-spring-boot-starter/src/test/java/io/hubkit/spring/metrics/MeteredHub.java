package io.hubkit.spring.metrics;

import io.hubkit.core.HubException;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The hub whose traffic the metrics test measures. */
@Hub("/hubs/metered")
public class MeteredHub {

    public String echo(String text) {
        return text;
    }

    public void fail() {
        throw new HubException("refused on purpose");
    }

    public Flux<Integer> countTo(int last) {
        return Flux.range(1, last);
    }

    public Mono<Void> join(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group);
    }

    public Mono<Void> tellGroup(String group, String text, HubCallerClients clients) {
        return clients.group(group).send("told", text);
    }
}
