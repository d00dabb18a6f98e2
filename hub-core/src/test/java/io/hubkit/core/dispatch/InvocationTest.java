package io.hubkit.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubException;
import io.hubkit.core.HubOptions;
import io.hubkit.core.annotation.Blocking;
import io.hubkit.core.annotation.HubIgnore;
import io.hubkit.core.annotation.HubMethodName;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.testing.WireClient;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Invocations over the real protocols: results of every return kind, error texts, binding, limits. */
class InvocationTest {

    /** A person, as the JS client would send one. */
    public record Person(String name, int age) {
    }

    /** The hub under test. */
    public static class CalcHub {

        final List<String> events = new CopyOnWriteArrayList<>();
        final Sinks.One<String> held = Sinks.one();

        public int add(int a, int b) {
            return a + b;
        }

        public String echo(String text) {
            return text;
        }

        public void doNothing() {
        }

        public Mono<String> later(String text) {
            return Mono.delay(Duration.ofMillis(5)).thenReturn(text + "!");
        }

        public Mono<Void> emptyMono() {
            return Mono.empty();
        }

        public CompletionStage<Integer> doubled(int x) {
            return CompletableFuture.supplyAsync(() -> x * 2);
        }

        public Person older(Person person) {
            return new Person(person.name().toUpperCase(), person.age() + 1);
        }

        public void fail() {
            throw new IllegalStateException("secret detail");
        }

        public void failHub() {
            throw new HubException("visible text");
        }

        public Mono<String> failMono() {
            return Mono.error(new IllegalArgumentException("mono detail"));
        }

        @HubMethodName("renamed")
        public String original() {
            return "renamed!";
        }

        @HubIgnore
        public String hidden() {
            return "hidden";
        }

        public Flux<Integer> counter(int n) {
            return Flux.range(0, n);
        }

        @Blocking
        public String whereBlocking() {
            return Thread.currentThread().getName();
        }

        public String whereNonBlocking() {
            return Thread.currentThread().getName();
        }

        public String whoAmI(HubCallerContext context, Principal principal) {
            return context.connectionId() + "/" + (principal == null ? "anonymous" : principal.getName());
        }

        public Mono<String> hold() {
            events.add("start hold");
            return held.asMono().doOnNext(v -> events.add("end hold"));
        }

        public String quick() {
            events.add("quick");
            return "quick";
        }
    }

    private final CalcHub hub = new CalcHub();
    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private WireClient connect(HubProtocol protocol, HubOptions options) {
        endpoint = HubEndpoint.builder(hub).options(options).build();
        return WireClient.connect(endpoint.connectionHandler(), protocol);
    }

    private WireClient connect(HubProtocol protocol) {
        return connect(protocol, HubOptions.defaults());
    }

    private static HubOptions detailed() {
        return HubOptions.builder().enableDetailedErrors(true).build();
    }

    static List<HubProtocol> protocols() {
        return io.hubkit.core.testing.Protocols.both().toList();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void returnsValues(HubProtocol protocol) {
        WireClient client = connect(protocol);

        assertThat(((Number) client.invokeAndWait("add", 2, 3).result()).intValue()).isEqualTo(5);
        assertThat(client.invokeAndWait("echo", "héllo").result()).isEqualTo("héllo");
        assertThat(client.invokeAndWait("later", "soon").result()).isEqualTo("soon!");
        assertThat(((Number) client.invokeAndWait("doubled", 21).result()).intValue()).isEqualTo(42);
        assertThat(client.invokeAndWait("older", Map.of("name", "ann", "age", 30)).result())
                .isEqualTo(Map.of("name", "ANN", "age", 31));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void voidAndEmptyResultsCompleteWithNullResult(HubProtocol protocol) {
        WireClient client = connect(protocol);

        for (String method : List.of("doNothing", "emptyMono")) {
            CompletionMessage completion = client.invokeAndWait(method);
            assertThat(completion.error()).isNull();
            assertThat(completion.hasResult()).as("%s answers with result: null, like .NET", method).isTrue();
            assertThat(completion.result()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void namesAreCaseInsensitiveAndRenamable(HubProtocol protocol) {
        WireClient client = connect(protocol);

        assertThat(((Number) client.invokeAndWait("ADD", 1, 1).result()).intValue()).isEqualTo(2);
        assertThat(client.invokeAndWait("Renamed").result()).isEqualTo("renamed!");
        assertThat(client.invokeAndWait("original").error())
                .isEqualTo("Failed to invoke 'original' due to an error on the server. HubException: Method does not exist.");
        assertThat(client.invokeAndWait("hidden").error())
                .isEqualTo("Failed to invoke 'hidden' due to an error on the server. HubException: Method does not exist.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void errorTextsWithoutDetailedErrors(HubProtocol protocol) {
        WireClient client = connect(protocol);

        assertThat(client.invokeAndWait("nope").error())
                .isEqualTo("Failed to invoke 'nope' due to an error on the server. HubException: Method does not exist.");
        assertThat(client.invokeAndWait("fail").error())
                .isEqualTo("An unexpected error occurred invoking 'fail' on the server.");
        assertThat(client.invokeAndWait("failMono").error())
                .isEqualTo("An unexpected error occurred invoking 'failMono' on the server.");
        assertThat(client.invokeAndWait("failHub").error())
                .isEqualTo("An unexpected error occurred invoking 'failHub' on the server. HubException: visible text");
        assertThat(client.invokeAndWait("add", 1).error())
                .isEqualTo("Failed to invoke 'add' due to an error on the server.");
        assertThat(client.invokeAndWait("add", "x", "y").error())
                .isEqualTo("Failed to invoke 'add' due to an error on the server.");
        assertThat(client.invokeAndWait("counter", 3).error())
                .isEqualTo("The client attempted to invoke the streaming 'counter' method with a non-streaming invocation.");
        assertThat(client.awaitCompletion(client.stream("add", 1, 2)).error())
                .isEqualTo("The client attempted to invoke the non-streaming 'add' method with a streaming invocation.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void errorTextsWithDetailedErrors(HubProtocol protocol) {
        WireClient client = connect(protocol, detailed());

        assertThat(client.invokeAndWait("fail").error())
                .isEqualTo("An unexpected error occurred invoking 'fail' on the server. IllegalStateException: secret detail");
        assertThat(client.invokeAndWait("failMono").error())
                .isEqualTo("An unexpected error occurred invoking 'failMono' on the server. "
                        + "IllegalArgumentException: mono detail");
        assertThat(client.invokeAndWait("add", 1).error())
                .isEqualTo("Failed to invoke 'add' due to an error on the server. "
                        + "InvalidDataException: Invocation provides 1 argument(s) but target expects 2.");
        assertThat(client.invokeAndWait("add", "x", "y").error())
                .isEqualTo("Failed to invoke 'add' due to an error on the server. InvalidDataException: Error binding "
                        + "arguments. Make sure that the types of the provided values match the types of the hub "
                        + "method being invoked.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void nonBlockingInvocationsAreNeverAnswered(HubProtocol protocol) {
        WireClient client = connect(protocol);

        client.sendNonBlocking("fail");
        client.sendNonBlocking("nope");
        client.sendNonBlocking("add", 1);
        client.sendNonBlocking("counter", 1);
        client.sendNonBlocking("echo", "ignored");
        String id = client.invoke("echo", "last");
        assertThat(client.awaitCompletion(id).result()).isEqualTo("last");

        assertThat(client.received()).filteredOn(m -> m instanceof CompletionMessage).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void blockingMethodsRunOnTheBoundedElasticScheduler(HubProtocol protocol) {
        WireClient client = connect(protocol);

        assertThat((String) client.invokeAndWait("whereBlocking").result()).startsWith("boundedElastic");
        assertThat((String) client.invokeAndWait("whereNonBlocking").result()).doesNotStartWith("boundedElastic");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void injectsCallerContextAndPrincipal(HubProtocol protocol) {
        WireClient anonymous = connect(protocol);
        assertThat(anonymous.invokeAndWait("whoAmI").result()).isEqualTo(anonymous.connectionId() + "/anonymous");

        Principal ann = () -> "ann";
        WireClient named = WireClient.connect(endpoint.connectionHandler(), protocol, WireClient.request(ann, Map.of()));
        assertThat(named.invokeAndWait("whoAmI").result()).isEqualTo(named.connectionId() + "/ann");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void oneInvocationAtATimePerClientByDefault(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String hold = client.invoke("hold");
        String quick = client.invoke("quick");
        hub.held.tryEmitValue("done");

        assertThat(client.awaitCompletion(hold).result()).isEqualTo("done");
        assertThat(client.awaitCompletion(quick).result()).isEqualTo("quick");
        assertThat(hub.events).containsExactly("start hold", "end hold", "quick");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void parallelInvocationsUpToTheConfiguredLimit(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.builder().maximumParallelInvocationsPerClient(2).build());

        String hold = client.invoke("hold");
        String quick = client.invoke("quick");
        assertThat(client.awaitCompletion(quick).result()).isEqualTo("quick");
        hub.held.tryEmitValue("done");

        assertThat(client.awaitCompletion(hold).result()).isEqualTo("done");
        assertThat(hub.events).containsExactly("start hold", "quick", "end hold");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void streamsAreNotCountedAgainstTheLimit(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String hold = client.invoke("hold");
        String stream = client.stream("counter", 2);
        CompletionMessage streamEnd = client.awaitCompletion(stream);
        assertThat(streamEnd.error()).isNull();
        assertThat(client.received()).filteredOn(m -> m instanceof StreamInvocationMessage).isEmpty();
        hub.held.tryEmitValue("done");
        assertThat(client.awaitCompletion(hold).result()).isEqualTo("done");
    }
}
