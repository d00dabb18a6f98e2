package io.hubkit.samples.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.backplane.service.ServiceBackplaneFactory;
import io.hubkit.samples.chat.ChatApplication;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.spring.test.NodeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat sample switched to the service backplane by configuration alone
 * ({@code hubkit.backplane.type=service} and a connection string): one hub-service and two chat
 * servers, all started here on free ports, and official JavaScript clients over WebSockets (JSON
 * and MessagePack), Server-Sent Events and long polling that negotiate through a front (what a load
 * balancer does). Room messages and announcements sent from either chat server reach every client
 * wherever the service routed it; then one chat server is stopped, and its clients reconnect on
 * their own, through the service, to the other server and keep chatting.
 */
class ChatThroughServiceTest {

    private static final String KEY = "ChatThroughServiceTestKey0123456789ABCDEFGH";

    private static ConfigurableApplicationContext service;
    private static final List<ConfigurableApplicationContext> chats = new ArrayList<>();
    private static NegotiateFront front;

    @BeforeAll
    static void start() {
        // arguments, not default properties: the applications' own configuration files set these keys too
        service = new SpringApplicationBuilder(HubServiceApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--hubkit.service.access-keys=" + KEY);
        String connectionString = "Endpoint=http://localhost;Port=" + port(service) + ";AccessKey=" + KEY
                + ";Version=1.0;";
        for (int i = 0; i < 2; i++) {
            chats.add(new SpringApplicationBuilder(ChatApplication.class, PrivateNettyResources.class)
                    .run("--server.port=0", "--spring.main.banner-mode=off", "--spring.application.name=chat",
                            "--hubkit.backplane.type=service",
                            "--hubkit.backplane.service.connection-string=" + connectionString,
                            "--hubkit.backplane.service.connection-count=2",
                            "--spring.lifecycle.timeout-per-shutdown-phase=20s"));
        }
        front = new NegotiateFront(() -> chats.stream().filter(ConfigurableApplicationContext::isActive)
                .map(ChatThroughServiceTest::url).toList());
    }

    @AfterAll
    static void stop() {
        if (front != null) {
            front.close();
        }
        chats.forEach(ConfigurableApplicationContext::close);
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

    private static ServiceBackplane backplane(ConfigurableApplicationContext chat) {
        List<ServiceBackplane> backplanes = chat.getBean(ServiceBackplaneFactory.class).backplanes();
        assertThat(backplanes).as("one service backplane: the chat hub's").hasSize(1);
        return backplanes.get(0);
    }

    @Test
    void clientsChatThroughTheServiceAndSurviveTheLossOfAChatServer() throws Exception {
        for (ConfigurableApplicationContext chat : chats) {
            awaitServerConnections(backplane(chat));
        }
        Path signals = Files.createTempDirectory("chat-through-service");
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> NodeClient.create()
                .withTimeout(Duration.ofSeconds(150))
                .run("service-chat.js", front.url(), url(chats.get(0)), url(chats.get(1)), signals.toString()));

        awaitFile(signals.resolve("phase-one-done"), run);
        int onFirst = backplane(chats.get(0)).clients().size();
        int onSecond = backplane(chats.get(1)).clients().size();
        Files.writeString(signals.resolve("placement"), onFirst + "," + onSecond);
        chats.get(0).close();
        Files.writeString(signals.resolve("first-server-stopped"), "yes");

        JsonNode r = run.get(180, TimeUnit.SECONDS);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(onFirst + onSecond).as("the four clients are routed to the chat servers").isEqualTo(4);
        soft.assertThat(onFirst).as("the service spreads clients over both chat servers").isPositive();
        soft.assertThat(onSecond).as("the service spreads clients over both chat servers").isPositive();
        for (String client : List.of("alice", "bob", "carol", "dave")) {
            JsonNode seen = r.path(client);
            soft.assertThat(texts(seen.path("before"))).as("%s before the loss", client).containsExactlyInAnyOrder(
                    "message:hello from alice", "message:hello from dave",
                    "announcement:from the first server", "announcement:from the second server");
            soft.assertThat(texts(seen.path("after"))).as("%s after the loss", client).containsExactlyInAnyOrder(
                    "message:still here, says bob", "announcement:from the second server again");
            soft.assertThat(seen.path("state").asText()).as("%s's connection", client).isEqualTo("Connected");
        }
        soft.assertThat(r.path("reconnected").asInt()).as("clients that were on the stopped server reconnected")
                .isEqualTo(onFirst);
        soft.assertThat(r.path("transports").toString()).contains("WebSockets", "ServerSentEvents", "LongPolling");
        soft.assertAll();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void awaitServerConnections(ServiceBackplane backplane) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backplane.pool().connections().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(backplane.pool().connections()).as("server connections of %s", backplane.hubKey()).hasSize(2);
    }

    private static void awaitFile(Path file, CompletableFuture<JsonNode> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(file)) {
            if (run.isDone()) {
                run.get(); // the script failed or ended early: show why
                throw new AssertionError("the script ended before " + file.getFileName());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the script did not reach " + file.getFileName() + " within 90 s");
            }
            Thread.sleep(20);
        }
    }

}
