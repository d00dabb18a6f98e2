package io.hubkit.spring.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.spring.test.NodeClient;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three app servers (three Spring contexts on free ports) on one test Redis, configured by
 * {@code hubkit.backplane.type: redis} alone, with official JavaScript clients of both protocols
 * spread over them: every routing call reaches exactly the right clients exactly once, group and
 * user sends reach connections on all three servers, group changes and client results cross
 * servers.
 */
class RedisScaleOutEndToEndTest {

    private static RedisServer redis;
    private static final List<ConfigurableApplicationContext> servers = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        redis = RedisServer.start();
        for (int i = 0; i < 3; i++) {
            servers.add(new SpringApplicationBuilder(ScaleOutApplication.class)
                    .properties("server.port=0",
                            "spring.main.banner-mode=off",
                            "hubkit.backplane.type=redis",
                            "hubkit.backplane.redis.uri=" + redis.uri(),
                            "hubkit.backplane.redis.channel-prefix=scale-out/")
                    .run());
        }
    }

    @AfterAll
    static void stopServers() {
        servers.forEach(ConfigurableApplicationContext::close);
        if (redis != null) {
            redis.close();
        }
    }

    private static String url(int server) {
        return "http://127.0.0.1:" + servers.get(server).getEnvironment().getProperty("local.server.port");
    }

    @Test
    void officialClientsOnThreeServersGetEveryRoutingCallExactlyOnce() {
        for (ConfigurableApplicationContext server : servers) {
            assertThat(server.getBean(RedisBackplaneFactory.class).backplanes()).as("one Redis backplane per hub")
                    .hasSize(1);
        }

        JsonNode r = NodeClient.create().run("redis-scale-out.js", url(0), url(1), url(2));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(texts(r, "a")).containsExactlyInAnyOrder("all", "to a, f and e", "room", "room and lobby",
                "room but b", "ann", "room but f");
        soft.assertThat(texts(r, "b")).containsExactlyInAnyOrder("all", "all but a and e", "room", "room and lobby",
                "ann", "others of a", "room but f", "room after a left");
        soft.assertThat(texts(r, "c")).containsExactlyInAnyOrder("all", "all but a and e", "to c", "bob and carl",
                "others of a");
        soft.assertThat(texts(r, "d")).containsExactlyInAnyOrder("all", "all but a and e", "room and lobby",
                "bob and carl", "others of a");
        soft.assertThat(texts(r, "e")).containsExactlyInAnyOrder("all", "to a, f and e", "others of a");
        soft.assertThat(texts(r, "f")).containsExactlyInAnyOrder("all", "all but a and e", "to a, f and e", "room",
                "room and lobby", "room but b", "ann", "others of a", "room after a left");
        soft.assertThat(r.path("result").asInt()).as("client result from another server").isEqualTo(42);
        soft.assertThat(r.path("resultWithoutHandler").asText()).contains("Client didn't provide a result.");
        soft.assertThat(r.path("resultOfUnknownConnection").asText())
                .contains("Connection 'no-such-connection' does not exist.");
        List<String> warnings = new ArrayList<>();
        r.path("clientLog").forEach(line -> warnings.add(line.asText()));
        soft.assertThat(warnings).as("client warnings: only e's, which has no 'compute' handler")
                .allMatch(line -> line.contains("'compute'"));
        soft.assertAll();
    }

    private static List<String> texts(JsonNode result, String client) {
        List<String> texts = new ArrayList<>();
        result.path("received").path(client).forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
