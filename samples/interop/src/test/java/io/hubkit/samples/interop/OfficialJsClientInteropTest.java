package io.hubkit.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official JavaScript client, unmodified, runs the scenarios of ASP.NET Core's own client
 * functional tests against the interop server in one Node process (src/test/node/interop.js): every
 * HubConnectionTests case for every transport × protocol pair the client supports in Node
 * (MessagePack is not offered over Server-Sent Events), the per-transport cases (JWT-protected hub,
 * 401 without a token, server timeout, cookies, automatic reconnect, headers), the standalone ones
 * (redirects, skipped negotiation, transport fallback, DELETE of long polling), the raw
 * {@code /echo} endpoint over every transport and a raw WebSocket, and the routing hub.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialJsClientInteropTest {

    @LocalServerPort
    int port;

    @Test
    void theOfficialClientsFunctionalTestsPass() {
        JsonNode report = NodeClient.create().withTimeout(Duration.ofMinutes(4))
                .run("interop.js", "http://127.0.0.1:" + port);

        List<String> failures = new ArrayList<>();
        report.path("failed").forEach(failure ->
                failures.add(failure.path("name").asText() + "\n" + failure.path("error").asText()));
        assertThat(failures).as("failed scenarios").isEmpty();

        JsonNode counts = report.path("counts");
        assertThat(counts.path("pairs").asInt()).as("transport x protocol pairs").isEqualTo(5);
        assertThat(counts.path("perPair").asInt()).as("scenarios per pair").isGreaterThanOrEqualTo(21);
        assertThat(counts.path("pairScenarios").asInt()).isEqualTo(5 * counts.path("perPair").asInt());
        assertThat(counts.path("transports").asInt()).as("per-transport scenarios").isGreaterThanOrEqualTo(3 * 9);
        int expected = counts.path("pairScenarios").asInt() + counts.path("transports").asInt()
                + counts.path("standalone").asInt() + counts.path("echo").asInt() + counts.path("routing").asInt();
        assertThat(report.path("total").asInt()).as("every scenario ran").isEqualTo(expected).isGreaterThan(150);
        assertThat(report.path("passed").asInt()).isEqualTo(expected);
    }
}
