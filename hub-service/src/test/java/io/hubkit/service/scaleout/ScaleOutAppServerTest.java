package io.hubkit.service.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.BroadcastDataMessage;
import io.hubkit.backplane.service.protocol.GroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.MultiConnectionDataMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.UserDataMessage;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.rest.RestCalls;
import io.hubkit.service.testing.TestAppServer;
import io.hubkit.service.testing.TestHub;
import io.hubkit.service.testing.TestTokens;
import io.hubkit.spring.test.NodeClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Default mode, scaled out: an official JavaScript client is routed over app server A connected to
 * instance one; app server B, connected to instance two only, reaches it over the service protocol —
 * a group join acknowledged across instances, then group, user, connection and broadcast sends — and
 * the REST API of instance two closes it.
 */
class ScaleOutAppServerTest {

    private static final String KEY = TestTokens.DEVELOPMENT_KEY;
    private static final String HUB = "scaledapp";

    private static RedisServer redis;
    private static ConfigurableApplicationContext one;
    private static ConfigurableApplicationContext two;

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        one = instance();
        two = instance();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {one, two}) {
            if (context != null) {
                context.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(HubServiceApplication.class)
                .run("--server.port=0", "--hubkit.service.scale-out.redis.uri=" + redis.uri());
    }

    private static URI url(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void anAppServerOnOneInstanceReachesAClientOfTheOther() throws Exception {
        Path idFile = Files.createTempFile("app-scale-out", ".txt");
        Files.delete(idFile);
        try (TestAppServer a = TestAppServer.connect(url(one), HUB, TestTokens.server(KEY, HUB, "app-a"), "app-a");
             TestAppServer b = TestAppServer.connect(url(two), HUB, TestTokens.server(KEY, HUB, "app-b"), "app-b")) {
            new TestHub(a);
            CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> NodeClient.create().run(
                    "rest-listener.js", url(one).toString(), HUB, TestTokens.client(KEY, HUB, Map.of("asrs.s.uid", "erin")),
                    "4", idFile.toString()));
            waitUntil(() -> Files.exists(idFile) && Files.size(idFile) > 0);
            String connection = Files.readString(idFile).trim();

            b.send(new JoinGroupWithAckMessage(connection, "room", 7, ServiceExtensions.NONE));
            assertThat(b.expect(AckMessage.class, ack -> ack.ackId() == 7).status()).as("acknowledged OK across instances")
                    .isEqualTo(1);
            b.send(new GroupBroadcastDataMessage("room", List.of(), TestHub.invocation("message", "group"),
                    ServiceExtensions.NONE, List.of(), null));
            b.send(new UserDataMessage("erin", TestHub.invocation("message", "user"), ServiceExtensions.NONE));
            b.send(new MultiConnectionDataMessage(List.of(connection), TestHub.invocation("message", "connection"),
                    ServiceExtensions.NONE));
            b.send(new BroadcastDataMessage(List.of(), TestHub.invocation("message", "all"), ServiceExtensions.NONE));

            // the client has had everything before the close: the operations travel in order
            RestCalls rest = new RestCalls(url(two), KEY);
            assertThat(rest.call("DELETE", "/api/hubs/" + HUB + "/connections/" + connection
                    + "?api-version=2022-06-01&reason=closed+via+two").statusCode()).isEqualTo(200);

            JsonNode result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("messages").toString())
                    .isEqualTo("[[\"group\"],[\"user\"],[\"connection\"],[\"all\"]]");
            assertThat(result.path("closeError").asText()).contains("closed via two");
        } finally {
            Files.deleteIfExists(idFile);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
