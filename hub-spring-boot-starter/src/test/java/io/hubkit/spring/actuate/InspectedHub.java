package io.hubkit.spring.actuate;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import io.hubkit.spring.TransportType;
import reactor.core.publisher.Mono;

/** A WebSockets-only hub the Actuator test connects to and inspects. */
@Hub(value = "/hubs/inspected", transports = TransportType.WEB_SOCKETS)
public class InspectedHub {

    public Mono<Void> join(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group);
    }

    public String echo(String text) {
        return text;
    }
}
