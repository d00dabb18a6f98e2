package io.hubkit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The test client against the starter on a random port: results, errors, streams, client methods
 * the hub calls, client results, request data, the server's Close, and failure messages that say
 * what was received.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubTestClientTest {

    @LocalServerPort
    int port;

    private HubTestClient hubs;

    @BeforeEach
    void client() {
        hubs = HubTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void invocationsAnswerWithBoundResults() {
        try (HubTestConnection sample = hubs.connect("/hubs/sample").start()) {
            sample.invoke("echo", "hi").expectResult(String.class).isEqualTo("hi");
            sample.invoke("ADD", 2, 3).expectResult(Integer.class).isEqualTo(5);
            sample.invoke("older", new Person("Ada", 36, List.of("math")))
                    .expectResult(Person.class).isEqualTo(new Person("Ada", 37, List.of("math")));
            sample.invoke("older", Map.of("name", "Bob", "age", 1, "tags", List.of()))
                    .expectResult(new TypeReference<Map<String, Object>>() { })
                    .satisfies(map -> assertThat(map).containsEntry("age", 2));
            sample.invoke("nothing").expectEmptyResult();
            assertThat(sample.invoke("add", 20, 22).returnResult(int.class)).isEqualTo(42);
        }
    }

    @Test
    void errorsCarryTheTextClientsSee() {
        try (HubTestConnection sample = hubs.connect("/hubs/sample").start()) {
            sample.invoke("fail").expectError()
                    .isEqualTo("An unexpected error occurred invoking 'fail' on the server. HubException: nope");
            sample.invoke("noSuchMethod").expectError().contains("Method does not exist.");
        }
    }

    @Test
    void streamsAreReadItemByItemOrWhole() {
        try (HubTestConnection sample = hubs.connect("/hubs/sample").start()) {
            sample.stream("count", 3).expectItems(Integer.class).containsExactly(1, 2, 3);

            StreamResult endless = sample.stream("forever");
            endless.expectNext(Long.class).isEqualTo(0L);
            endless.expectNext(Long.class).isEqualTo(1L);
            endless.cancel();

            StreamResult broken = sample.stream("breaks");
            broken.expectNext(Integer.class).isEqualTo(1);
            broken.expectError().contains("stream broke");
        }
    }

    @Test
    void whatTheHubSendsToClientsIsReceived() {
        try (HubTestConnection ann = hubs.connect("/hubs/sample").queryParam("user", "ann").start();
             HubTestConnection bob = hubs.connect("/hubs/sample").queryParam("user", "bob").start()) {
            ann.invoke("shout", "hello").expectEmptyResult();
            bob.send("shout", "hi ann");

            ann.expectInvocation("heard").hasArguments("ann", "hello");
            ann.expectInvocation("heard").hasArguments("bob", "hi ann");
            bob.expectInvocation("HEARD").expectArgument(1, String.class).isEqualTo("hello");
            assertThat(bob.expectInvocation("heard").argument(0, String.class)).isEqualTo("bob");
        }
    }

    @Test
    void clientResultsAreAnsweredByHandlers() {
        try (HubTestConnection sample = hubs.connect("/hubs/sample").start()) {
            sample.onInvocation("name", invocation -> "ann, asked " + invocation.argument(0, String.class));
            sample.invoke("askName").expectResult(String.class).isEqualTo("hello ann, asked please");
        }
        try (HubTestConnection noHandler = hubs.connect("/hubs/sample").start()) {
            noHandler.invoke("askName").expectError().contains("Client didn't provide a result.");
        }
    }

    @Test
    void headersReachTheHub() {
        try (HubTestConnection sample = hubs.connect("/hubs/sample").header("X-Tenant", "blue").start()) {
            sample.invoke("header", "X-Tenant").expectResult(String.class).isEqualTo("blue");
        }
        HubTestClient withDefaults = HubTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Tenant", "green").build();
        try (HubTestConnection sample = withDefaults.connect("hubs/sample").start()) {
            sample.invoke("header", "x-tenant").expectResult(String.class).isEqualTo("green");
        }
    }

    @Test
    void theServersCloseIsExpected() {
        HubTestConnection sample = hubs.connect("/hubs/sample").start();
        sample.invoke("leave");
        sample.expectClose().doesNotAllowReconnect().hasNoError();
        sample.close();
        assertThat(sample.isClosed()).isTrue();
    }

    @Test
    void failuresSayWhatWasReceived() {
        HubTestClient impatient = HubTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .timeout(Duration.ofMillis(300)).build();
        try (HubTestConnection sample = impatient.connect("/hubs/sample").start()) {
            sample.invoke("echo", "actual").expectResult(String.class).isEqualTo("actual");
            assertThatThrownBy(() -> sample.invoke("echo", "x").expectResult(String.class).isEqualTo("y"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected <y> but was <x>");
            assertThatThrownBy(() -> sample.invoke("fail").expectResult(String.class))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("HubException: nope");
            assertThatThrownBy(() -> sample.expectInvocation("neverSent"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Nothing matched an invocation of 'neverSent'")
                    .hasMessageContaining("CompletionMessage");
            assertThatThrownBy(() -> sample.stream("count", 1).expectError())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected an error but it completed");
        }
    }

    @Test
    void anUnknownHubFailsToStart() {
        assertThatThrownBy(() -> hubs.connect("/hubs/missing").start())
                .isInstanceOf(AssertionError.class).hasMessageContaining("404");
    }
}
