package io.hubkit.service.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.rest.ServiceClient;
import io.hubkit.backplane.service.rest.ServiceUnauthorizedException;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestTokens;
import io.hubkit.spring.test.NodeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * backplane-service's {@link ServiceClient} (the Java REST client, 2022-06-01) against the running
 * service, with an official JavaScript client connected in serverless mode: every operation of the
 * client has its effect on the connected client, and existence answers follow.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hubkit.service.mode=serverless",
                "hubkit.service.access-keys=client-test-key-0123456789ABCDEFGHIJKLMNOPQ"})
class ServiceClientTest {

    private static final String KEY = "client-test-key-0123456789ABCDEFGHIJKLMNOPQ";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void everyOperationOfTheJavaRestClientWorksOnTheService() throws Exception {
        String hub = "clienthub";
        Path idFile = Files.createTempFile("rest-listener", ".txt");
        Files.delete(idFile);
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> NodeClient.create().run("rest-listener.js",
                "http://localhost:" + port, hub, TestTokens.client(KEY, hub, Map.of("asrs.s.uid", "carol")), "5",
                idFile.toString()));
        ServiceClient client = new ServiceClient(ServiceConnectionString.parse(
                "Endpoint=http://localhost;Port=" + port + ";AccessKey=" + KEY + ";Version=1.0;"), "ClientHub");
        try {
            assertThat(client.isHealthy().block(WAIT)).isTrue();
            waitUntil(() -> Files.exists(idFile) && Files.size(idFile) > 0);
            String connection = Files.readString(idFile).trim();

            assertThat(client.connectionExists(connection).block(WAIT)).isTrue();
            assertThat(client.connectionExists("nope").block(WAIT)).isFalse();
            assertThat(client.userExists("carol").block(WAIT)).isTrue();
            assertThat(client.userExists("dave").block(WAIT)).isFalse();
            assertThat(client.groupExists("g1").block(WAIT)).isFalse();

            client.addConnectionToGroup("g1", connection).block(WAIT);
            assertThat(client.groupExists("g1").block(WAIT)).isTrue();
            client.addUserToGroup("g2", "carol", Duration.ofMinutes(5)).block(WAIT);
            assertThat(client.isUserInGroup("g2", "carol").block(WAIT)).isTrue();

            client.sendToGroupExcept("g1", List.of(connection), "message", "excluded").block(WAIT);
            client.sendToAllExcept(List.of(connection), "message", "excluded too").block(WAIT);
            client.sendToGroup("g1", "message", "group g1").block(WAIT);
            client.sendToGroup("g2", "message", "group g2", 2).block(WAIT);
            client.sendToUser("carol", "message", "user").block(WAIT);
            client.sendToConnection(connection, "message", Map.of("to", "connection")).block(WAIT);
            client.sendToAll("message", "all").block(WAIT);

            client.removeConnectionFromGroup("g1", connection).block(WAIT);
            assertThat(client.groupExists("g1").block(WAIT)).isFalse();
            client.removeUserFromGroup("g2", "carol").block(WAIT);
            assertThat(client.isUserInGroup("g2", "carol").block(WAIT)).isFalse();
            client.addUserToGroup("g3", "carol", null).block(WAIT);
            client.removeUserFromAllGroups("carol").block(WAIT);
            assertThat(client.isUserInGroup("g3", "carol").block(WAIT)).isFalse();

            client.closeConnection(connection, "done here").block(WAIT);
            JsonNode result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("messages").toString()).isEqualTo(
                    "[[\"group g1\"],[\"group g2\",2],[\"user\"],[{\"to\":\"connection\"}],[\"all\"]]");
            assertThat(result.path("closeError").asText()).contains("done here");
            waitUntil(() -> !client.connectionExists(connection).block(WAIT));
        } finally {
            client.close();
            Files.deleteIfExists(idFile);
        }
    }

    @Test
    void aClientWithAnotherKeyIsRefused() {
        ServiceClient client = new ServiceClient(ServiceConnectionString.parse(
                "Endpoint=http://localhost;Port=" + port + ";AccessKey=wrong-key-0123456789ABCDEFGHIJKLMNOPQRSTU;"), "chat");
        try {
            assertThatThrownBy(() -> client.sendToAll("message", "x").block(WAIT))
                    .isInstanceOf(ServiceUnauthorizedException.class);
        } finally {
            client.close();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
