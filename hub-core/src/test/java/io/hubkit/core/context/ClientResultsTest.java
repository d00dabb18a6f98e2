package io.hubkit.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubException;
import io.hubkit.core.HubOptions;
import io.hubkit.core.annotation.ClientMethod;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.testing.Protocols;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/** Client results (server-to-client invocations awaiting a value) and strongly typed client proxies. */
class ClientResultsTest {

    /** What the server may call on a client, strongly typed. */
    public interface NumberClient {

        Mono<Integer> getNumber(int base);

        @ClientMethod("shout")
        void say(String text);

        @ClientMethod("shout")
        Mono<Void> sayLater(String text);
    }

    /** The hub under test. */
    public static class ResultHub {

        public Mono<Integer> ask(HubCallerClients clients, int base) {
            return clients.caller().invoke(Integer.class, "getNumber", base).map(n -> n + 1);
        }

        public Mono<String> askOrReport(HubCallerClients clients) {
            return clients.caller().invoke(Integer.class, "getNumber", 0).map(String::valueOf)
                    .onErrorResume(HubException.class, e -> Mono.just("failed: " + e.getMessage()));
        }

        public Mono<Integer> askTyped(HubCallerClients clients, int base) {
            return clients.caller().as(NumberClient.class).getNumber(base);
        }

        public Mono<Void> typedSends(HubCallerClients clients) {
            NumberClient client = clients.caller().as(NumberClient.class);
            client.say("now");
            return client.sayLater("later");
        }

        public String echo(String text) {
            return text;
        }
    }

    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private WireClient connect(HubProtocol protocol, HubOptions options) {
        endpoint = HubEndpoint.builder(new ResultHub()).options(options).build();
        return WireClient.connect(endpoint.connectionHandler(), protocol);
    }

    static List<HubProtocol> protocols() {
        return Protocols.both().toList();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void theHubAwaitsTheClientsResult(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.defaults());

        String id = client.invoke("ask", 41);
        InvocationMessage call = client.awaitInvocation("getNumber");
        assertThat(call.invocationId()).isEqualTo("s1");
        assertThat(((Number) call.arguments().get(0)).intValue()).isEqualTo(41);
        client.send(CompletionMessage.withResult(call.invocationId(), 42));

        assertThat(((Number) client.awaitCompletion(id).result()).intValue()).isEqualTo(43);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aClientErrorFailsTheResultWithItsText(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.defaults());

        String id = client.invoke("ask", 1);
        InvocationMessage call = client.awaitInvocation("getNumber");
        client.send(CompletionMessage.withError(call.invocationId(), "Client didn't provide a result."));

        assertThat(client.awaitCompletion(id).error()).isEqualTo(
                "An unexpected error occurred invoking 'ask' on the server. HubException: Client didn't provide a result.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void anUnansweredClientResultTimesOut(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.builder().clientResultTimeout(Duration.ofMillis(100)).build());

        String id = client.invoke("askOrReport");
        InvocationMessage call = client.awaitInvocation("getNumber");

        assertThat((String) client.awaitCompletion(id).result()).startsWith("failed: ")
                .contains(client.connectionId()).contains("did not answer 'getNumber'");
        client.send(CompletionMessage.withResult(call.invocationId(), 5));
        assertThat(client.invokeAndWait("echo", "late answers are ignored").result())
                .isEqualTo("late answers are ignored");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aCompletionForAnUnknownIdIsIgnored(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.defaults());

        client.send(CompletionMessage.withResult("s999", 1));
        client.send(CompletionMessage.withError("nobody", "whatever"));

        assertThat(client.invokeAndWait("echo", "fine").result()).isEqualTo("fine");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aPendingResultFailsWhenTheConnectionEnds(HubProtocol protocol) throws Exception {
        WireClient client = connect(protocol, HubOptions.defaults());
        CompletableFuture<Integer> result = endpoint.hubContext().clients().client(client.connectionId())
                .invoke(Integer.class, "getNumber", 1).toFuture();
        client.awaitInvocation("getNumber");

        client.disconnect();

        assertThat(result).failsWithin(WireClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(HubException.class)
                .withMessage("Connection '" + client.connectionId() + "' disconnected.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void anUnknownConnectionFailsAtOnce(HubProtocol protocol) {
        connect(protocol, HubOptions.defaults());

        assertThat(endpoint.hubContext().clients().client("nobody").invoke(Integer.class, "getNumber", 1)
                .onErrorResume(HubException.class, e -> Mono.just(-1)).block(WireClient.TIMEOUT)).isEqualTo(-1);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void typedProxiesInvokeAndSend(HubProtocol protocol) {
        WireClient client = connect(protocol, HubOptions.defaults());

        String id = client.invoke("askTyped", 7);
        InvocationMessage call = client.awaitInvocation("getNumber");
        client.send(CompletionMessage.withResult(call.invocationId(), 8));
        assertThat(((Number) client.awaitCompletion(id).result()).intValue()).isEqualTo(8);

        String sends = client.invoke("typedSends");
        assertThat(client.awaitInvocation("shout").arguments()).containsExactly("now");
        assertThat(client.awaitInvocation("shout").arguments()).containsExactly("later");
        assertThat(client.awaitCompletion(sends).error()).isNull();
    }
}
