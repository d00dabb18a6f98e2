package io.hubkit.spring.e2e;

import io.hubkit.core.HubException;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hub the end-to-end tests talk to. It records what the tests cannot see on the wire: which
 * connections were connected and disconnected (and with which error), and which streams the
 * client cancelled.
 */
@Hub("/hubs/test")
public class TestHub {

    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<String>> disconnections = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> cancelledStreams = new ConcurrentHashMap<>();

    @OnConnected
    public Mono<Void> connected(HubCallerContext caller, HubCallerClients clients) {
        connected.add(caller.connectionId());
        return clients.caller().send("welcome", caller.connectionId());
    }

    @OnDisconnected
    public void disconnected(HubCallerContext caller, Throwable error) {
        disconnection(caller.connectionId()).complete(error == null ? "clean" : error.toString());
    }

    public String echo(String text) {
        return text;
    }

    public int add(int a, int b) {
        return a + b;
    }

    public Person echoPerson(Person person) {
        return person;
    }

    public void doNothing() {
    }

    public Mono<Void> notifyMe(String text, HubCallerClients clients) {
        return clients.caller().send("notified", text);
    }

    public Flux<Integer> countDown(int from) {
        return Flux.range(0, from + 1).map(i -> from - i);
    }

    public Flux<Long> endless(HubCallerContext caller, HubCallerClients clients) {
        return Flux.interval(Duration.ofMillis(20))
                .doOnCancel(() -> {
                    cancelledStream(caller.connectionId()).complete(null);
                    clients.caller().send("streamCanceled").subscribe();
                });
    }

    public Mono<String> concat(Flux<String> parts) {
        return parts.collect(Collectors.joining());
    }

    public Mono<Void> join(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group);
    }

    public Mono<Void> leave(String group, HubCallerContext caller, GroupManager groups) {
        return groups.removeFromGroup(caller.connectionId(), group);
    }

    public Mono<Void> sendToGroup(String group, String text, HubCallerClients clients) {
        return clients.group(group).send("groupMessage", group, text);
    }

    public Mono<Void> sendToOthersInGroup(String group, String text, HubCallerClients clients) {
        return clients.othersInGroup(group).send("groupMessage", group, text);
    }

    public Mono<Void> sendToUser(String user, String text, HubCallerClients clients) {
        return clients.user(user).send("userMessage", text);
    }

    /** Sent after a batch of targeted sends: whoever gets it has received everything sent before it. */
    public Mono<Void> barrier(String label, HubCallerClients clients) {
        return clients.all().send("barrier", label);
    }

    public String whoAmI(HubCallerContext caller) {
        return caller.userIdentifier();
    }

    /** Asks another connection's client for a result and reports what came back. */
    public Mono<String> askClient(String connectionId, String method, HubCallerClients clients) {
        return clients.client(connectionId).invoke(Integer.class, method)
                .map(result -> "result: " + result)
                .onErrorResume(HubException.class, e -> Mono.just("error: " + e.getMessage()));
    }

    public void throwPlain(String message) {
        throw new IllegalStateException(message);
    }

    public void throwHub(String message) {
        throw new HubException(message);
    }

    /** The test application's filters wrap this one's result (see {@link TracingFilters}). */
    public String filtered() {
        return "hub";
    }

    public boolean wasConnected(HubCallerContext caller) {
        return connected.contains(caller.connectionId());
    }

    public String transportName(HubCallerContext caller) {
        return caller.connectionInfo().transport();
    }

    public String protocolName(HubCallerContext caller) {
        return caller.protocol();
    }

    public String header(String name, HubCallerContext caller) {
        return caller.connectionInfo().header(name);
    }

    /** Completes with "clean" or the error's text once connection {@code connectionId} has disconnected. */
    public CompletableFuture<String> disconnection(String connectionId) {
        return disconnections.computeIfAbsent(connectionId, id -> new CompletableFuture<>());
    }

    /** Completes once the client cancelled connection {@code connectionId}'s endless stream. */
    public CompletableFuture<Void> cancelledStream(String connectionId) {
        return cancelledStreams.computeIfAbsent(connectionId, id -> new CompletableFuture<>());
    }
}
