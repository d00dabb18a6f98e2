package io.hubkit.core.backplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubException;
import io.hubkit.core.HubOptions;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.CountingProtocol;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The behaviour every {@link Backplane} must have, as a reusable JUnit 5 suite (shipped in
 * hub-core's test-jar). An implementation extends this class and implements
 * {@link #createBackplane}; a scale-out implementation also implements
 * {@link #createSecondServerBackplane} so that the two-server cases run too (they are skipped
 * otherwise).
 *
 * <p>The suite runs real {@link HubEndpoint}s on the backplane under test, with real connections
 * ({@link WireClient} over an in-memory transport, JSON and MessagePack), and calls the backplane's
 * routing methods directly. It never asserts on timing: "not delivered" is shown by a marker sent
 * afterwards by the same sender — by the ordering guarantee, whatever arrives before the marker is
 * everything the earlier sends delivered.
 */
public abstract class BackplaneSpecification {

    /** How long any single backplane call may take before the test fails (only to avoid hangs). */
    protected static final Duration TIMEOUT = WireClient.TIMEOUT;

    private static final String METHOD = "m";
    private static final String MARKER = "-- end --";

    /** JSON, counting its Invocation encodings. */
    protected final CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
    /** MessagePack, counting its Invocation encodings. */
    protected final CountingProtocol messagePack = new CountingProtocol(new MessagePackHubProtocol());

    private final List<HubEndpoint> endpoints = new ArrayList<>();
    private final List<WireClient> clients = new ArrayList<>();
    private HubEndpoint first;
    private HubEndpoint second;

    /** The hub every connection of the suite talks to; it has nothing to offer but an echo. */
    public static class SpecificationHub {

        public String echo(String text) {
            return text;
        }
    }

    /** The backplane of the first (or only) server, for the hub described by {@code hub}. */
    protected abstract Backplane createBackplane(BackplaneHubContext hub);

    /**
     * The backplane of a second server sharing a bus with the one {@link #createBackplane} returned
     * last, or {@code null} (the default) when the implementation does not scale out.
     */
    protected Backplane createSecondServerBackplane(BackplaneHubContext hub) {
        return null;
    }

    /**
     * Whether sends made one after another through <em>different</em> servers reach a connection in
     * that order. True for a bus with one global order (Redis: each publish is applied before the next
     * is accepted); a hub service orders the messages of each server, not across servers (as Azure
     * SignalR Service does). Where it is false, the two-server scenarios check what arrives, not in
     * which order, and end with a marker from each server.
     */
    protected boolean ordersAcrossServers() {
        return true;
    }

    @AfterEach
    void closeEverything() {
        clients.forEach(WireClient::disconnect);
        endpoints.forEach(HubEndpoint::close);
    }

    // ---- fixtures -----------------------------------------------------------------------------

    /** The first server's hub endpoint (created on first use). */
    protected HubEndpoint server() {
        if (first == null) {
            first = endpoint(this::createBackplane);
        }
        return first;
    }

    /** The second server's hub endpoint; skips the test when the backplane does not scale out. */
    protected HubEndpoint secondServer() {
        server();
        if (second == null) {
            Backplane[] created = new Backplane[1];
            HubEndpoint endpoint = endpoint(hub -> {
                created[0] = createSecondServerBackplane(hub);
                return created[0] != null ? created[0] : new LocalBackplane(hub);
            });
            if (created[0] == null) {
                endpoint.close();
                endpoints.remove(endpoint);
            }
            assumeThat(created[0]).as("the backplane does not scale out: two-server cases skipped").isNotNull();
            second = endpoint;
        }
        return second;
    }

    private HubEndpoint endpoint(BackplaneFactory factory) {
        HubEndpoint endpoint = HubEndpoint.builder(new SpecificationHub())
                .name("SpecificationHub")
                .protocols(HubProtocols.of(json, messagePack))
                .options(HubOptions.builder().clientResultTimeout(TIMEOUT).build())
                .userIdProvider((principal, request) -> request.queryParam("user"))
                .backplaneFactory(factory)
                .build();
        endpoints.add(endpoint);
        return endpoint;
    }

    /** A client of {@code server} speaking {@code protocol}, as user {@code user} (may be null). */
    protected WireClient connect(HubEndpoint server, HubProtocol protocol, String user) {
        Map<String, List<String>> query = user == null ? Map.of() : Map.of("user", List.of(user));
        WireClient client = WireClient.connect(server.connectionHandler(), protocol, WireClient.request(null, query));
        clients.add(client);
        return client;
    }

    private static void await(Mono<?> call) {
        call.block(TIMEOUT);
    }

    private static Object[] args(String text) {
        return new Object[] {text, 42};
    }

    /** Ends a scenario: sends the marker to everyone from {@code sender}. */
    private static void finish(Backplane sender) {
        await(sender.sendAll(METHOD, args(MARKER)));
    }

    /** Ends a scenario whose sends went through both servers; see {@link #ordersAcrossServers()}. */
    private void finishBoth(Backplane one, Backplane other) {
        finish(one);
        if (!ordersAcrossServers()) {
            finish(other);
        }
    }

    /** What {@code client} received in a scenario ended by {@link #finishBoth}, in arrival order. */
    private List<String> receivedFromBoth(WireClient client) {
        List<String> texts = received(client);
        if (!ordersAcrossServers()) {
            texts.addAll(received(client));
        }
        return texts;
    }

    /** Checks {@code actual} against {@code expected}: in order where the backplane orders across servers. */
    private void assertReceived(List<String> actual, String... expected) {
        if (ordersAcrossServers()) {
            assertThat(actual).containsExactly(expected);
        } else {
            assertThat(actual).containsExactlyInAnyOrder(expected);
        }
    }

    /** The texts {@code client} received before the marker, in order. */
    private static List<String> received(WireClient client) {
        List<String> texts = new ArrayList<>();
        for (;;) {
            InvocationMessage message = client.awaitInvocation(METHOD);
            assertThat(message.invocationId()).as("a send is non-blocking").isNull();
            assertThat(message.arguments()).hasSize(2);
            assertThat(((Number) message.arguments().get(1)).intValue()).isEqualTo(42);
            String text = (String) message.arguments().get(0);
            if (text.equals(MARKER)) {
                return texts;
            }
            texts.add(text);
        }
    }

    // ---- one server ---------------------------------------------------------------------------

    @Test
    void sendAllReachesEveryConnectionWhateverItsProtocol() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        Backplane backplane = server().backplane();

        await(backplane.sendAll(METHOD, args("to all")));
        finish(backplane);

        assertThat(received(a)).containsExactly("to all");
        assertThat(received(b)).containsExactly("to all");
    }

    @Test
    void sendAllExceptSkipsTheExcludedConnections() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        WireClient c = connect(server(), json, null);
        Backplane backplane = server().backplane();

        await(backplane.sendAllExcept(METHOD, args("not a, not c"), List.of(a.connectionId(), c.connectionId())));
        await(backplane.sendAllExcept(METHOD, args("nobody excluded"), List.of()));
        finish(backplane);

        assertThat(received(a)).containsExactly("nobody excluded");
        assertThat(received(b)).containsExactly("not a, not c", "nobody excluded");
        assertThat(received(c)).containsExactly("nobody excluded");
    }

    @Test
    void sendConnectionAndConnections() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        WireClient c = connect(server(), json, null);
        Backplane backplane = server().backplane();

        await(backplane.sendConnection(b.connectionId(), METHOD, args("to b")));
        await(backplane.sendConnections(List.of(a.connectionId(), c.connectionId()), METHOD, args("to a and c")));
        await(backplane.sendConnection("no-such-connection", METHOD, args("to nobody")));
        await(backplane.sendConnections(List.of(), METHOD, args("to an empty list")));
        finish(backplane);

        assertThat(received(a)).containsExactly("to a and c");
        assertThat(received(b)).containsExactly("to b");
        assertThat(received(c)).containsExactly("to a and c");
    }

    @Test
    void groupMembershipDecidesWhoGetsAGroupSend() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        WireClient c = connect(server(), json, null);
        Backplane backplane = server().backplane();

        await(backplane.sendGroup("room", METHOD, args("before anyone joined")));
        await(backplane.addToGroup(a.connectionId(), "room"));
        await(backplane.addToGroup(b.connectionId(), "room"));
        await(backplane.addToGroup(b.connectionId(), "room"));
        await(backplane.sendGroup("room", METHOD, args("a and b")));
        await(backplane.removeFromGroup(a.connectionId(), "room"));
        await(backplane.removeFromGroup(c.connectionId(), "room"));
        await(backplane.sendGroup("room", METHOD, args("only b")));
        await(backplane.addToGroup("no-such-connection", "room"));
        await(backplane.sendGroup("empty room", METHOD, args("to nobody")));
        finish(backplane);

        assertThat(received(a)).containsExactly("a and b");
        assertThat(received(b)).containsExactly("a and b", "only b");
        assertThat(received(c)).isEmpty();
    }

    @Test
    void sendGroupsAndGroupExcept() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        WireClient c = connect(server(), json, null);
        Backplane backplane = server().backplane();
        await(backplane.addToGroup(a.connectionId(), "red"));
        await(backplane.addToGroup(b.connectionId(), "blue"));
        await(backplane.addToGroup(c.connectionId(), "blue"));

        await(backplane.sendGroups(List.of("red", "blue"), METHOD, args("red and blue")));
        await(backplane.sendGroups(List.of("green"), METHOD, args("green")));
        await(backplane.sendGroupExcept("blue", METHOD, args("blue without b"), List.of(b.connectionId())));
        finish(backplane);

        assertThat(received(a)).containsExactly("red and blue");
        assertThat(received(b)).containsExactly("red and blue");
        assertThat(received(c)).containsExactly("red and blue", "blue without b");
    }

    @Test
    void userSendsReachEveryConnectionOfTheUser() {
        WireClient ann = connect(server(), json, "ann");
        WireClient annAgain = connect(server(), messagePack, "ann");
        WireClient bob = connect(server(), json, "bob");
        WireClient anonymous = connect(server(), json, null);
        Backplane backplane = server().backplane();

        await(backplane.sendUser("ann", METHOD, args("to ann")));
        await(backplane.sendUsers(List.of("bob", "carl"), METHOD, args("to bob and carl")));
        await(backplane.sendUser("nobody", METHOD, args("to nobody")));
        finish(backplane);

        assertThat(received(ann)).containsExactly("to ann");
        assertThat(received(annAgain)).containsExactly("to ann");
        assertThat(received(bob)).containsExactly("to bob and carl");
        assertThat(received(anonymous)).isEmpty();
    }

    @Test
    void clientResultsComeBackBoundToTheRequestedType() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        Backplane backplane = server().backplane();

        Mono<Integer> fromA = backplane.<Integer>invokeConnection(a.connectionId(), "getNumber", new Object[] {1},
                Integer.class).cache();
        fromA.subscribe(v -> { }, e -> { });
        InvocationMessage callA = a.awaitInvocation("getNumber");
        assertThat(callA.invocationId()).as("a client result has an invocation id").isNotNull();
        a.send(CompletionMessage.withResult(callA.invocationId(), 2));
        assertThat(fromA.block(TIMEOUT)).isEqualTo(2);

        Mono<Integer> fromB = backplane.<Integer>invokeConnection(b.connectionId(), "getNumber", new Object[] {1},
                Integer.class).cache();
        fromB.subscribe(v -> { }, e -> { });
        InvocationMessage callB = b.awaitInvocation("getNumber");
        b.send(CompletionMessage.withError(callB.invocationId(), "Client didn't provide a result."));
        assertThat(fromB.map(Object::toString).onErrorResume(HubException.class, e -> Mono.just(e.getMessage()))
                .block(TIMEOUT)).isEqualTo("Client didn't provide a result.");

        assertThat(backplane.<Integer>invokeConnection("no-such-connection", "getNumber", new Object[0], Integer.class)
                .map(Object::toString).onErrorResume(HubException.class, e -> Mono.just("HubException"))
                .block(TIMEOUT)).isEqualTo("HubException");
    }

    @Test
    void aDisconnectedConnectionLeavesEveryTable() {
        WireClient stays = connect(server(), json, "ann");
        WireClient leaves = connect(server(), messagePack, "ann");
        Backplane backplane = server().backplane();
        await(backplane.addToGroup(stays.connectionId(), "room"));
        await(backplane.addToGroup(leaves.connectionId(), "room"));

        leaves.disconnect();
        leaves.awaitEnded();
        await(backplane.sendGroup("room", METHOD, args("room")));
        await(backplane.sendUser("ann", METHOD, args("ann")));
        await(backplane.sendConnection(leaves.connectionId(), METHOD, args("gone")));
        await(backplane.addToGroup(leaves.connectionId(), "room"));
        await(backplane.sendGroup("room", METHOD, args("room again")));
        finish(backplane);

        assertThat(received(stays)).containsExactly("room", "ann", "room again");
        assertThat(leaves.received()).filteredOn(m -> m instanceof InvocationMessage i && i.target().equals(METHOD))
                .isEmpty();
    }

    @Test
    void aPendingClientResultFailsWhenItsConnectionGoesAway() {
        WireClient a = connect(server(), json, null);
        Mono<Integer> result = server().backplane().<Integer>invokeConnection(a.connectionId(), "getNumber",
                new Object[0], Integer.class).cache();
        result.subscribe(v -> { }, e -> { });
        a.awaitInvocation("getNumber");

        a.disconnect();

        assertThat(result.map(Object::toString).onErrorResume(HubException.class, e -> Mono.just("HubException"))
                .block(TIMEOUT)).isEqualTo("HubException");
    }

    @Test
    void sendsOfOneSenderArriveInOrder() {
        WireClient a = connect(server(), json, null);
        WireClient b = connect(server(), messagePack, null);
        Backplane backplane = server().backplane();
        await(backplane.addToGroup(b.connectionId(), "room"));
        List<String> expected = IntStream.range(0, 200).mapToObj(i -> "message " + i).toList();

        await(Flux.fromIterable(expected).concatMap(text -> text.hashCode() % 2 == 0
                ? backplane.sendAll(METHOD, args(text))
                : backplane.sendGroup("room", METHOD, args(text))).then());
        finish(backplane);

        assertThat(received(b)).containsExactlyElementsOf(expected);
        assertThat(received(a)).containsExactlyElementsOf(
                expected.stream().filter(text -> text.hashCode() % 2 == 0).toList());
    }

    @Test
    void aBroadcastIsEncodedAtMostOncePerProtocol() {
        List<WireClient> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.add(connect(server(), json, null));
            all.add(connect(server(), messagePack, null));
        }
        Backplane backplane = server().backplane();
        for (WireClient client : all) {
            await(backplane.addToGroup(client.connectionId(), "everyone"));
        }

        await(backplane.sendAll("broadcast", args("x")));
        await(backplane.sendGroup("everyone", "groupcast", args("y")));
        finish(backplane);

        for (WireClient client : all) {
            assertThat(client.awaitInvocation("broadcast").arguments().get(0)).isEqualTo("x");
            assertThat(client.awaitInvocation("groupcast").arguments().get(0)).isEqualTo("y");
        }
        for (CountingProtocol protocol : List.of(json, messagePack)) {
            assertThat(protocol.invocationWrites("broadcast")).as("%s encodings of one broadcast", protocol.name())
                    .isEqualTo(1);
            assertThat(protocol.invocationWrites("groupcast")).as("%s encodings of one group send", protocol.name())
                    .isEqualTo(1);
        }
    }

    // ---- two servers (scale-out backplanes only) -----------------------------------------------

    @Test
    void twoServersSendAllReachesBoth() {
        HubEndpoint other = secondServer();
        WireClient here = connect(server(), json, null);
        WireClient there = connect(other, messagePack, null);

        await(server().backplane().sendAll(METHOD, args("from one")));
        await(server().backplane().sendAllExcept(METHOD, args("not there"), List.of(there.connectionId())));
        await(server().backplane().sendConnection(there.connectionId(), METHOD, args("only there")));
        finish(server().backplane());

        assertThat(received(here)).containsExactly("from one", "not there");
        assertThat(received(there)).containsExactly("from one", "only there");
    }

    @Test
    void twoServersShareGroupsAndUsers() {
        HubEndpoint other = secondServer();
        WireClient here = connect(server(), json, "ann");
        WireClient there = connect(other, messagePack, "ann");
        WireClient bob = connect(other, json, "bob");

        await(server().backplane().addToGroup(there.connectionId(), "room"));
        await(other.backplane().addToGroup(here.connectionId(), "room"));
        await(other.backplane().sendGroup("room", METHOD, args("room")));
        await(other.backplane().sendGroupExcept("room", METHOD, args("room but not here"),
                List.of(here.connectionId())));
        await(server().backplane().sendUser("ann", METHOD, args("ann")));
        if (!ordersAcrossServers()) {
            // a barrier: the other server's acknowledged change is applied after its sends above, so
            // they reach the room before this server takes a member out of it
            await(other.backplane().removeFromGroup(bob.connectionId(), "no such group"));
        }
        await(server().backplane().removeFromGroup(there.connectionId(), "room"));
        await(server().backplane().sendGroup("room", METHOD, args("room after leaving")));
        finishBoth(server().backplane(), other.backplane());

        assertReceived(receivedFromBoth(here), "room", "ann", "room after leaving");
        assertReceived(receivedFromBoth(there), "room", "room but not here", "ann");
        assertThat(receivedFromBoth(bob)).isEmpty();
    }

    @Test
    void twoServersClientResultsCrossServers() {
        HubEndpoint other = secondServer();
        WireClient there = connect(other, messagePack, null);

        Mono<Integer> result = server().backplane().<Integer>invokeConnection(there.connectionId(), "getNumber",
                new Object[] {3}, Integer.class).cache();
        result.subscribe(v -> { }, e -> { });
        InvocationMessage call = there.awaitInvocation("getNumber");
        there.send(CompletionMessage.withResult(call.invocationId(), 4));

        assertThat(result.block(TIMEOUT)).isEqualTo(4);
    }

    @Test
    void twoServersForgetADisconnectedConnection() {
        HubEndpoint other = secondServer();
        WireClient here = connect(server(), json, null);
        WireClient there = connect(other, messagePack, "bob");
        await(server().backplane().addToGroup(here.connectionId(), "room"));
        await(server().backplane().addToGroup(there.connectionId(), "room"));

        there.disconnect();
        there.awaitEnded();
        await(server().backplane().sendGroup("room", METHOD, args("room")));
        await(server().backplane().sendUser("bob", METHOD, args("bob")));
        finish(server().backplane());

        assertThat(received(here)).containsExactly("room");
    }
}
