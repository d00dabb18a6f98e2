package io.hubkit.service.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.rest.RestCalls;
import io.hubkit.service.testing.TestTokens;
import io.hubkit.spring.test.NodeClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two hub-service instances (two Spring applications on free ports) sharing one real
 * {@code redis-server}: official JavaScript clients on both; everything sent or changed through the
 * REST API of one instance — group membership of a connection and of a user, existence checks, group,
 * user, connection and broadcast sends, closing a connection — takes effect on the other.
 */
class ScaleOutEndToEndTest {

    private static final String KEY = "scale-out-key-0123456789ABCDEFGHIJKLMNOPQRS";
    private static final String API = "?api-version=2022-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        // command-line arguments, so that they win over the application's own properties
        return new SpringApplicationBuilder(HubServiceApplication.class)
                .run("--server.port=0",
                        "--hubkit.service.mode=serverless",
                        "--hubkit.service.access-keys=" + KEY,
                        "--hubkit.service.scale-out.redis.uri=" + redis.uri(),
                        "--hubkit.service.scale-out.redis.channel-prefix=scale-out-test:");
    }

    private static URI url(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void restCallsOnOneInstanceReachClientsOfTheOther() throws Exception {
        String hub = "scaled";
        RestCalls viaTwo = new RestCalls(url(two), KEY);
        RestCalls viaOne = new RestCalls(url(one), KEY);
        Path ids = Files.createTempFile("scale-out-ids", ".json");
        Files.delete(ids);
        NodeClient node = NodeClient.create().withTimeout(Duration.ofSeconds(90));
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> node.run("scaleout-clients.js",
                url(one).toString(), url(two).toString(), hub,
                TestTokens.client(KEY, hub, Map.of("asrs.s.uid", "alice")),
                TestTokens.client(KEY, hub, Map.of("asrs.s.uid", "bob")),
                "5", "3", ids.toString()));
        try {
            waitUntil(() -> Files.exists(ids) && size(ids) > 0, "both clients to connect");
            JsonNode connections = JSON.readTree(Files.readString(ids));
            String a = connections.path("a").asText();

            // existence across instances: alice and her connection live on instance one
            assertThat(viaTwo.call("HEAD", "/api/hubs/" + hub + "/users/alice" + API).statusCode()).isEqualTo(200);
            assertThat(viaTwo.call("HEAD", "/api/hubs/" + hub + "/connections/" + a + API).statusCode()).isEqualTo(200);
            assertThat(viaTwo.call("HEAD", "/api/hubs/" + hub + "/users/nobody" + API).statusCode()).isEqualTo(404);

            // group membership of a remote connection, and of a user
            assertThat(viaTwo.call("PUT", "/api/hubs/" + hub + "/groups/room/connections/" + a + API).statusCode()).isEqualTo(200);
            assertThat(viaTwo.call("HEAD", "/api/hubs/" + hub + "/groups/room" + API).statusCode()).isEqualTo(200);
            assertThat(viaTwo.call("PUT", "/api/hubs/" + hub + "/users/alice/groups/team" + API).statusCode()).isEqualTo(200);
            assertThat(viaOne.call("HEAD", "/api/hubs/" + hub + "/users/alice/groups/team" + API).statusCode()).isEqualTo(200);

            // sends through instance two
            assertThat(viaTwo.send("/api/hubs/" + hub + "/groups/room/:send" + API, "message", "[\"room\"]").statusCode())
                    .isEqualTo(202);
            assertThat(viaTwo.send("/api/hubs/" + hub + "/groups/team/:send" + API, "message", "[\"team\"]").statusCode())
                    .isEqualTo(202);
            assertThat(viaTwo.send("/api/hubs/" + hub + "/users/alice/:send" + API, "message", "[\"to alice\"]").statusCode())
                    .isEqualTo(202);
            assertThat(viaTwo.send("/api/hubs/" + hub + "/connections/" + a + "/:send" + API, "message", "[\"to a\"]")
                    .statusCode()).isEqualTo(202);
            assertThat(viaTwo.send("/api/hubs/" + hub + "/:send" + API, "message", "[\"everyone\"]").statusCode()).isEqualTo(202);
            assertThat(viaTwo.send("/api/hubs/" + hub + "/users/bob/:send" + API, "message", "[\"to bob\"]").statusCode())
                    .isEqualTo(202);
            // and one the other way round
            assertThat(viaOne.send("/api/hubs/" + hub + "/users/bob/:send" + API, "message", "[\"from one\"]").statusCode())
                    .isEqualTo(202);

            // leaving, and closing a remote connection
            assertThat(viaTwo.call("DELETE", "/api/hubs/" + hub + "/groups/room/connections/" + a + API).statusCode())
                    .isEqualTo(200);
            assertThat(viaTwo.call("HEAD", "/api/hubs/" + hub + "/groups/room" + API).statusCode()).isEqualTo(404);
            HttpResponse<String> close = viaTwo.call("DELETE", "/api/hubs/" + hub + "/connections/" + a + API + "&reason=bye");
            assertThat(close.statusCode()).isEqualTo(200);
            assertThat(close.headers().firstValue("x-ms-error-code")).as("the connection existed").isEmpty();

            JsonNode result = run.get(120, TimeUnit.SECONDS);
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("a").toString()).isEqualTo("[\"room\",\"team\",\"to alice\",\"to a\",\"everyone\"]");
            assertThat(result.path("b").toString()).isEqualTo("[\"everyone\",\"to bob\",\"from one\"]");
            assertThat(result.path("aCloseError").asText()).contains("bye");
            waitUntil(() -> viaTwo.call("HEAD", "/api/hubs/" + hub + "/connections/" + a + API).statusCode() == 404,
                    "the closed connection to be gone everywhere");
        } finally {
            Files.deleteIfExists(ids);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
