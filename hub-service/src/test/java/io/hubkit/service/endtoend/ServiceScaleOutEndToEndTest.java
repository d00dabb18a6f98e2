package io.hubkit.service.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.backplane.service.ServiceBackplaneFactory;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.spring.test.NodeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app servers behind one hub-service, configured by {@code hubkit.backplane.type: service} and
 * a connection string alone, with official JavaScript clients of both protocols over every
 * transport: the service spreads the clients over both app servers, every routing call of the
 * {@code Backplane} (all, all-except, connection(s), group(s), group-except, user(s), others) reaches
 * exactly the right clients exactly once wherever they run, group changes are acknowledged across
 * servers, client results cross app servers, and the backplane's state shows in the health and
 * {@code hubs} Actuator endpoints.
 */
class ServiceScaleOutEndToEndTest {

    private static final String KEY = "ServiceScaleOutEndToEndTestKey0123456789ABCD";

    private static ConfigurableApplicationContext service;
    private static final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @BeforeAll
    static void start() {
        // arguments, not default properties: the hub-service's own application.properties sets the port
        service = new SpringApplicationBuilder(HubServiceApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--hubkit.service.access-keys=" + KEY);
        String connectionString = "Endpoint=http://localhost;Port=" + port(service) + ";AccessKey=" + KEY
                + ";Version=1.0;";
        for (int i = 1; i <= 2; i++) {
            apps.add(new SpringApplicationBuilder(AppServer.class)
                    .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.application.name=app" + i,
                            "--endtoend.server-name=app" + i,
                            "--hubkit.backplane.type=service",
                            "--hubkit.backplane.service.connection-string=" + connectionString,
                            "--hubkit.backplane.service.connection-count=3",
                            "--management.endpoints.web.exposure.include=health,hubs",
                            "--management.endpoint.health.show-details=always"));
        }
    }

    @AfterAll
    static void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
        if (service != null) {
            service.close();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + port(context);
    }

    @Test
    void officialClientsOnTwoAppServersGetEveryRoutingCallExactlyOnce() throws Exception {
        for (ConfigurableApplicationContext app : apps) {
            List<ServiceBackplane> backplanes = app.getBean(ServiceBackplaneFactory.class).backplanes();
            assertThat(backplanes).as("one service backplane per hub").hasSize(1);
            awaitServerConnections(backplanes.get(0), 3);
        }

        JsonNode r = NodeClient.create().withTimeout(Duration.ofSeconds(120))
                .run("endtoend-scale-out.js", url(apps.get(0)), url(apps.get(1)));

        SoftAssertions soft = new SoftAssertions();
        List<String> placement = new ArrayList<>();
        r.path("servers").forEach(server -> placement.add(server.asText()));
        soft.assertThat(placement).as("the service routes clients to both app servers").contains("app1", "app2");
        soft.assertThat(r.path("users").path("a").asText()).as("the user id made at negotiate").isEqualTo("ann");
        soft.assertThat(r.path("users").path("e").isNull()).as("an anonymous client").isTrue();
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
        soft.assertThat(r.path("crossPair").get(0).asText()).as("a client result across app servers")
                .isNotEqualTo(r.path("crossPair").get(1).asText());
        soft.assertThat(r.path("crossResult").asInt()).isEqualTo(42);
        soft.assertThat(r.path("sameResult").asInt()).as("a client result within one app server").isEqualTo(12);
        soft.assertThat(r.path("resultWithoutHandler").asText()).contains("Client didn't provide a result.");
        soft.assertThat(r.path("resultOfUnknownConnection").asText())
                .contains("Connection 'no-such-connection' does not exist.");
        List<String> warnings = new ArrayList<>();
        r.path("clientLog").forEach(line -> warnings.add(line.asText()));
        soft.assertThat(warnings).as("client warnings: only e's, which has no 'compute' handler")
                .allMatch(line -> line.contains("'compute'"));

        JsonNode health = new ObjectMapper().readTree(get(url(apps.get(0)) + "/actuator/health"));
        JsonNode hub = health.path("components").path("backplane").path("details").path("hubs").path("EndToEndHub");
        soft.assertThat(hub.path("type").asText()).isEqualTo("service");
        soft.assertThat(hub.path("state").asText()).isEqualTo("UP");
        soft.assertThat(hub.path("details").path("connectedServerConnections").asInt()).isEqualTo(3);
        JsonNode hubs = new ObjectMapper().readTree(get(url(apps.get(1)) + "/actuator/hubs")).path("hubs").get(0);
        soft.assertThat(hubs.path("name").asText()).isEqualTo("EndToEndHub");
        soft.assertThat(hubs.path("backplane").path("type").asText()).isEqualTo("service");
        soft.assertThat(hubs.path("backplane").path("state").asText()).isEqualTo("UP");
        soft.assertThat(hubs.path("backplane").path("details").path("hub").asText()).isEqualTo("endtoendhub");
        soft.assertAll();
    }

    private static List<String> texts(JsonNode result, String client) {
        List<String> texts = new ArrayList<>();
        result.path("received").path(client).forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    static void awaitServerConnections(ServiceBackplane backplane, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backplane.pool().connections().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(backplane.pool().connections()).as("server connections of %s", backplane.hubKey()).hasSize(count);
    }
}
