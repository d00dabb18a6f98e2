package io.hubkit.spring.security;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A hub every method of which needs an authenticated user; some need more. */
@Hub("/hubs/secure")
@PreAuthorize("isAuthenticated()")
public class SecureHub {

    public String whoAmI(HubCallerContext caller) {
        return caller.userIdentifier();
    }

    @PreAuthorize("hasAuthority('SCOPE_admin')")
    public String adminOnly() {
        return "admin secret";
    }

    @Secured("SCOPE_admin")
    public String securedAdmin() {
        return "secured secret";
    }

    @PreAuthorize("hasAuthority('SCOPE_admin')")
    public Flux<Integer> adminCount(int last) {
        return Flux.range(1, last);
    }

    @PreAuthorize("#room == 'lobby' or hasAuthority('SCOPE_admin')")
    public Mono<Void> join(String room, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), room);
    }

    public Mono<Void> tell(String user, String text, HubCallerContext caller, HubCallerClients clients) {
        return clients.user(user).send("direct", caller.userIdentifier(), text);
    }

    public Mono<Void> shout(String room, String text, HubCallerContext caller, HubCallerClients clients) {
        return clients.group(room).send("shouted", caller.userIdentifier(), text);
    }
}
