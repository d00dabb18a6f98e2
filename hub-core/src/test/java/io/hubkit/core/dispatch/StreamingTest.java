package io.hubkit.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.protocol.CancelInvocationMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import io.hubkit.core.testing.Protocols;
import io.hubkit.core.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Server-to-client streams (items, completion, errors, cancellation) and client-to-server upload streams. */
class StreamingTest {

    /** The hub under test. */
    public static class StreamHub {

        final CountDownLatch cancelled = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Subscription> heldUpload = new AtomicReference<>();

        public Flux<Integer> counter(int n) {
            return Flux.range(1, n);
        }

        public Flux<String> failing() {
            return Flux.concat(Flux.just("a"), Flux.error(new IllegalStateException("mid-stream")));
        }

        public Flux<Integer> endless() {
            return Flux.concat(Flux.just(1), Flux.<Integer>never()).doOnCancel(cancelled::countDown);
        }

        public Flux<String> nullStream() {
            return null;
        }

        public Flux<Integer> throwsEarly() {
            throw new IllegalStateException("early");
        }

        public Mono<String> concat(Flux<String> parts) {
            return parts.collectList().map(list -> String.join("", list));
        }

        public Mono<Integer> sum(int start, Flux<Integer> first, Flux<Integer> second) {
            return Flux.concat(first, second).reduce(start, Integer::sum);
        }

        public Flux<String> upper(Flux<String> words) {
            return words.map(String::toUpperCase);
        }

        public Mono<String> held(Flux<Integer> items) {
            Sinks.One<String> done = Sinks.one();
            items.subscribe(new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    heldUpload.set(subscription);
                }

                @Override
                protected void hookOnNext(Integer value) {
                    events.add("item " + value);
                }

                @Override
                protected void hookOnComplete() {
                    done.tryEmitValue("held done");
                }
            });
            return done.asMono();
        }

        public String echo(String text) {
            events.add("echo");
            return text;
        }
    }

    private final StreamHub hub = new StreamHub();
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

    static List<HubProtocol> protocols() {
        return Protocols.both().toList();
    }

    private static List<Integer> items(WireClient client, String id, int count) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(((Number) client.await(StreamItemMessage.class, m -> id.equals(m.invocationId())).item()).intValue());
        }
        return items;
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void serverStreamSendsItemsThenAnEmptyCompletion(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String id = client.stream("counter", 3);

        assertThat(items(client, id, 3)).containsExactly(1, 2, 3);
        CompletionMessage end = client.awaitCompletion(id);
        assertThat(end.error()).isNull();
        assertThat(end.hasResult()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void streamFailuresUseTheDotNetTexts(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String failing = client.stream("failing");
        assertThat(client.await(StreamItemMessage.class, m -> failing.equals(m.invocationId())).item()).isEqualTo("a");
        assertThat(client.awaitCompletion(failing).error())
                .isEqualTo("An error occurred on the server while streaming results.");
        assertThat(client.awaitCompletion(client.stream("nullStream")).error())
                .isEqualTo("The value returned by the streaming method 'nullStream' is not a ChannelReader<> or "
                        + "IAsyncEnumerable<>.");
        assertThat(client.awaitCompletion(client.stream("throwsEarly")).error())
                .isEqualTo("An unexpected error occurred invoking 'throwsEarly' on the server.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void detailedStreamFailure(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.builder().enableDetailedErrors(true).build());

        assertThat(client.awaitCompletion(client.stream("failing")).error())
                .isEqualTo("An error occurred on the server while streaming results. IllegalStateException: mid-stream");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void cancelInvocationStopsTheStreamAndStillCompletes(HubProtocol protocol) throws InterruptedException {
        WireClient client = connect(protocol);

        String id = client.stream("endless");
        assertThat(items(client, id, 1)).containsExactly(1);
        client.send(new CancelInvocationMessage(id));

        assertThat(hub.cancelled.await(WireClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        CompletionMessage end = client.awaitCompletion(id);
        assertThat(end.error()).isNull();
        assertThat(end.hasResult()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void streamInvocationIdsMustBeUnique(HubProtocol protocol) {
        WireClient client = connect(protocol);

        client.send(new StreamInvocationMessage("x", "endless", List.of(), null, Map.of()));
        client.await(StreamItemMessage.class, m -> "x".equals(m.invocationId()));
        client.send(new StreamInvocationMessage("x", "endless", List.of(), null, Map.of()));

        assertThat(client.awaitCompletion("x").error()).isEqualTo("Invocation ID 'x' is already in use.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void uploadStreamsFeedFluxParameters(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String stream = client.nextId();
        String id = client.invokeWithStreams("concat", List.of(stream));
        client.send(new StreamItemMessage(stream, "Hello "));
        client.send(new StreamItemMessage(stream, "world!"));
        client.send(CompletionMessage.empty(stream));

        assertThat(client.awaitCompletion(id).result()).isEqualTo("Hello world!");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void severalUploadStreamsBesideWireArguments(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String first = client.nextId();
        String second = client.nextId();
        String id = client.invokeWithStreams("sum", List.of(first, second), 100);
        client.send(new StreamItemMessage(second, 20));
        client.send(new StreamItemMessage(first, 1));
        client.send(new StreamItemMessage(first, 2));
        client.send(CompletionMessage.empty(first));
        client.send(CompletionMessage.empty(second));

        assertThat(((Number) client.awaitCompletion(id).result()).intValue()).isEqualTo(123);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void uploadAndDownloadInOneStreamingInvocation(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String words = client.nextId();
        String id = client.nextId();
        client.send(new StreamInvocationMessage(id, "upper", List.of(), List.of(words), Map.of()));
        client.send(new StreamItemMessage(words, "a"));
        client.send(new StreamItemMessage(words, "b"));
        client.send(CompletionMessage.empty(words));

        assertThat(client.await(StreamItemMessage.class, m -> id.equals(m.invocationId())).item()).isEqualTo("A");
        assertThat(client.await(StreamItemMessage.class, m -> id.equals(m.invocationId())).item()).isEqualTo("B");
        assertThat(client.awaitCompletion(id).error()).isNull();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void uploadEndedWithAnErrorFailsTheMethodWithItsText(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String stream = client.nextId();
        String id = client.invokeWithStreams("concat", List.of(stream));
        client.send(new StreamItemMessage(stream, "partial"));
        client.send(CompletionMessage.withError(stream, "client broke"));

        assertThat(client.awaitCompletion(id).error())
                .isEqualTo("An unexpected error occurred invoking 'concat' on the server. HubException: client broke");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void anUploadItemThatDoesNotBindFailsTheStream(HubProtocol protocol) {
        WireClient client = connect(protocol);

        String first = client.nextId();
        String second = client.nextId();
        String id = client.invokeWithStreams("sum", List.of(first, second), 0);
        client.send(new StreamItemMessage(first, Map.of("not", "a number")));

        assertThat(client.awaitCompletion(id).error()).isEqualTo("An unexpected error occurred invoking 'sum' on the "
                + "server. HubException: Failed to bind Stream message.");
        assertThat(client.invokeAndWait("echo", "connection still fine").result()).isEqualTo("connection still fine");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void streamCountMustMatch(HubProtocol protocol) {
        WireClient client = connect(protocol);

        assertThat(client.invokeAndWait("concat").error()).isEqualTo("An unexpected error occurred invoking 'concat' on "
                + "the server. HubException: Client sent 0 stream(s), Hub method expects 1.");
        assertThat(client.awaitCompletion(client.invokeWithStreams("sum", List.of("a"), 1)).error())
                .isEqualTo("An unexpected error occurred invoking 'sum' on the server. HubException: Client sent 1 "
                        + "stream(s), Hub method expects 2.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aFullUploadBufferMakesTheReceiveLoopWait(HubProtocol protocol) {
        int capacity = 3;
        WireClient client = connect(protocol, HubOptions.builder().streamBufferCapacity(capacity).build());

        String stream = client.nextId();
        String held = client.invokeWithStreams("held", List.of(stream));
        for (int i = 1; i <= capacity + 2; i++) {
            client.send(new StreamItemMessage(stream, i));
        }
        String echo = client.invoke("echo", "after");
        assertThat(hub.events).as("nothing consumed yet, the loop waits on the full buffer").isEmpty();

        hub.heldUpload.get().request(Long.MAX_VALUE);
        assertThat(client.awaitCompletion(echo).result()).isEqualTo("after");
        client.send(CompletionMessage.empty(stream));
        assertThat(client.awaitCompletion(held).result()).isEqualTo("held done");

        assertThat(hub.events).containsExactly("item 1", "item 2", "item 3", "item 4", "item 5", "echo");
    }
}
