package io.hubkit.spring.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import io.hubkit.spring.test.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rolling deployment with the official JS client: four clients (WebSockets with JSON and
 * MessagePack, long polling) reach instance A through sticky TCP proxies and start a call that is still
 * running when A's context closes. A then refuses negotiations, lets every call answer, and sends
 * each client a Close that allows reconnecting; the clients reconnect — through their proxies, now
 * pointing at instance B — with nothing in their logs above Information.
 */
class GracefulShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;

    @Test
    void clientsFinishTheirCallsThenReconnectToAnotherInstance() throws Exception {
        ConfigurableApplicationContext a = start("A");
        ConfigurableApplicationContext b = start("B");
        try {
            int portA = port(a);
            DrainingHub hubA = a.getBean(DrainingHub.class);
            GracefulShutdown shutdownA = a.getBean(GracefulShutdown.class);
            CompletableFuture<JsonNode> script = CompletableFuture.supplyAsync(() -> NodeClient.create()
                    .run("graceful-shutdown.js", String.valueOf(portA), String.valueOf(port(b))));

            await().atMost(WAIT).until(() -> script.isDone() || hubA.started.size() == CLIENTS);
            assertThat(script).as("the script is still waiting for its calls").isNotDone();

            CompletableFuture<Void> closingA = CompletableFuture.runAsync(a::close);
            await().atMost(WAIT).until(shutdownA::isDraining);
            RawHttp.Reply refused = new RawHttp(portA).post("/hubs/draining/negotiate?negotiateVersion=1", "")
                    .block(WAIT);
            assertThat(refused.status()).as("negotiations are refused while draining").isEqualTo(503);
            assertThat(refused.body()).isEqualTo(NegotiationGate.REFUSAL);
            assertThat(closingA).as("A waits for the running calls").isNotDone();

            hubA.gate.tryEmitEmpty();
            JsonNode seen = script.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            closingA.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(seen.path("clients")).hasSize(CLIENTS);
            for (JsonNode client : seen.path("clients")) {
                String name = client.path("name").asText();
                assertThat(client.path("before").asText()).as(name).isEqualTo("A");
                // a call still pending when the connection closes is rejected by the client, so a
                // result proves the answer was written before the Close
                assertThat(client.path("result").asText()).as(name + ": the call was not cut off")
                        .isEqualTo("done " + name + " on A");
                assertThat(client.path("reconnectingError").textValue()).as(name + ": a Close without error")
                        .isNull();
                assertThat(texts(client.path("events"))).as(name + ": the Close allowed reconnecting")
                        .containsExactlyInAnyOrder("result", "reconnecting", "reconnected");
                assertThat(client.path("after").asText()).as(name + ": reconnected to the other instance")
                        .isEqualTo("B");
            }
            assertThat(texts(seen.path("problems"))).as("warnings and errors in the clients' logs").isEmpty();
            assertThat(a.isActive()).isFalse();
        } finally {
            a.close();
            b.close();
        }
    }

    private static ConfigurableApplicationContext start(String instance) {
        return new SpringApplicationBuilder(ShutdownTestApplication.class)
                .properties("server.port=0", "test.instance=" + instance,
                        "spring.lifecycle.timeout-per-shutdown-phase=20s")
                .registerShutdownHook(false)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
