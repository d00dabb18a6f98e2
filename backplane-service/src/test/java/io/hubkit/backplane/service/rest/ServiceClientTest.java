package io.hubkit.backplane.service.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.backplane.service.auth.AccessTokenValidator;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ValidatedAccessToken;
import io.hubkit.backplane.service.rest.RecordingServer.Recorded;
import io.hubkit.backplane.service.rest.RecordingServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * The REST client against a real HTTP server on loopback that records what arrives: the method,
 * URL, body and token of each call, and how statuses map to results and exceptions.
 */
class ServiceClientTest {

    private static final String KEY = "test-access-key";
    private static final String API = "?api-version=2022-06-01";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingServer server = new RecordingServer();
    private final ServiceClient client = client(ServiceClientOptions.defaults().withRetries(2, Duration.ofMillis(10)));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aBroadcastPostsTheInvocationWithAFreshTokenForItsUrl() throws Exception {
        client.sendToAllExcept(List.of("c1", "c 2"), "notify", 1, "two", Map.of("a", true)).block(WAIT);

        Recorded request = server.take();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/hubs/chat/:send" + API + "&excluded=c1&excluded=c%202");
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(request.body()).isEqualTo("{\"target\":\"notify\",\"arguments\":[1,\"two\",{\"a\":true}]}");
        ValidatedAccessToken token = new AccessTokenValidator(List.of(KEY)).validate(request.token(), null);
        assertThat(token.audiences()).containsExactly("http://127.0.0.1/api/hubs/chat/:send" + API);
        assertThat(token.userId()).isEqualTo("app-server-1");
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                route("sendToUser", c -> c.sendToUser("u/1", "m"), "POST", "/users/u%2F1/:send", ""),
                route("sendToGroup", c -> c.sendToGroup("room 1", "m"), "POST", "/groups/room%201/:send", ""),
                route("sendToGroupExcept", c -> c.sendToGroupExcept("g", List.of("c1"), "m"), "POST", "/groups/g/:send",
                        "&excluded=c1"),
                route("sendToConnection", c -> c.sendToConnection("c1", "m"), "POST", "/connections/c1/:send", ""),
                route("addConnectionToGroup", c -> c.addConnectionToGroup("g", "c1"), "PUT", "/groups/g/connections/c1",
                        ""),
                route("removeConnectionFromGroup", c -> c.removeConnectionFromGroup("g", "c1"), "DELETE",
                        "/groups/g/connections/c1", ""),
                route("addUserToGroup", c -> c.addUserToGroup("g", "u", Duration.ofMinutes(1)), "PUT",
                        "/users/u/groups/g", "&ttl=60"),
                route("addUserToGroup without ttl", c -> c.addUserToGroup("g", "u", null), "PUT", "/users/u/groups/g",
                        ""),
                route("removeUserFromGroup", c -> c.removeUserFromGroup("g", "u"), "DELETE", "/users/u/groups/g", ""),
                route("removeUserFromAllGroups", c -> c.removeUserFromAllGroups("u"), "DELETE", "/users/u/groups", ""),
                route("isUserInGroup", c -> c.isUserInGroup("g", "u"), "HEAD", "/users/u/groups/g", ""),
                route("connectionExists", c -> c.connectionExists("c1"), "HEAD", "/connections/c1", ""),
                route("userExists", c -> c.userExists("u"), "HEAD", "/users/u", ""),
                route("groupExists", c -> c.groupExists("g"), "HEAD", "/groups/g", ""),
                route("closeConnection", c -> c.closeConnection("c1", "bye now"), "DELETE", "/connections/c1",
                        "&reason=bye%20now"),
                route("closeUserConnections", c -> c.closeUserConnections("u", "r", List.of("c1")), "POST",
                        "/users/u/:closeConnections", "&excluded=c1&reason=r"),
                route("closeGroupConnections", c -> c.closeGroupConnections("g", null, null), "POST",
                        "/groups/g/:closeConnections", ""),
                route("closeAllConnections", c -> c.closeAllConnections("r", List.of()), "POST", "/:closeConnections",
                        "&reason=r"));
    }

    private static Arguments route(String name, Function<ServiceClient, Mono<?>> call, String method, String path,
            String extraQuery) {
        return Arguments.of(name, call, method, path, extraQuery);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachOperationUsesItsRoute(String name, Function<ServiceClient, Mono<?>> call, String method, String path,
            String extraQuery) throws Exception {
        call.apply(client).block(WAIT);

        Recorded request = server.take();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.uri()).isEqualTo("/api/hubs/chat" + path + API + extraQuery);
        ValidatedAccessToken token = new AccessTokenValidator(List.of(KEY)).validate(request.token(),
                "http://127.0.0.1/api/hubs/chat" + path);
        assertThat(token.audiences()).containsExactly("http://127.0.0.1/api/hubs/chat" + path + API);
    }

    @Test
    void anApplicationNameIsSentAndSigned() throws Exception {
        try (ServiceClient app = new ServiceClient(ServiceConnectionString.parse(server.connectionString(KEY)), "Chat",
                "MyApp", ServiceClientOptions.defaults())) {
            app.sendToAll("m").block(WAIT);
        }
        Recorded request = server.take();
        assertThat(request.uri()).isEqualTo("/api/hubs/chat/:send?application=myapp&api-version=2022-06-01");
        assertThat(new AccessTokenValidator(List.of(KEY)).validate(request.token(), null).audiences())
                .containsExactly("http://127.0.0.1/api/hubs/chat/:send?application=myapp&api-version=2022-06-01");
    }

    @Test
    void existenceIsTwoHundredOrFourOhFour() {
        server.replying(Reply.status(200), Reply.error(404, "Warning.User.NotExisted", null));
        assertThat(client.userExists("u").block(WAIT)).isTrue();
        assertThat(client.userExists("u").block(WAIT)).isFalse();
    }

    @Test
    void statusesMapToTheirExceptions() {
        server.replying(Reply.error(400, null, "{\"code\":\"InvalidName\",\"message\":\"Invalid group name\"}"));
        assertThatThrownBy(() -> client.sendToGroup("g", "m").block(WAIT))
                .isInstanceOf(ServiceBadRequestException.class).hasMessageContaining("Invalid group name")
                .hasMessageContaining("POST /api/hubs/chat/groups/g/:send");

        server.replying(Reply.status(401));
        assertThatThrownBy(() -> client.sendToAll("m").block(WAIT)).isInstanceOf(ServiceUnauthorizedException.class);

        server.replying(Reply.error(404, "Error.Connection.NotExisted", ""));
        assertThatThrownBy(() -> client.addConnectionToGroup("g", "gone").block(WAIT))
                .isInstanceOf(ServiceNotFoundException.class)
                .satisfies(e -> assertThat(((ServiceRestException) e).errorCode()).isEqualTo("Error.Connection.NotExisted"));

        server.replying(Reply.error(409, null, "conflict"));
        assertThatThrownBy(() -> client.sendToAll("m").block(WAIT)).isExactlyInstanceOf(ServiceRestException.class)
                .satisfies(e -> assertThat(((ServiceRestException) e).status()).isEqualTo(409));
    }

    @Test
    void removingWhatIsNotThereSucceeds() {
        server.replying(Reply.status(404), Reply.status(404), Reply.status(404));
        client.removeConnectionFromGroup("g", "c").block(WAIT);
        client.removeUserFromGroup("g", "u").block(WAIT);
        client.closeConnection("c", null).block(WAIT);
        assertThat(server.pending()).isEqualTo(3);
    }

    @Test
    void aSendIsRetriedOnlyAfterAStatusAboveFiveHundred() throws Exception {
        server.replying(Reply.status(503), Reply.status(202));
        client.sendToAll("m").block(WAIT);
        assertThat(server.pending()).isEqualTo(2);
        server.take();
        server.take();

        server.replying(Reply.status(500));
        assertThatThrownBy(() -> client.sendToAll("m").block(WAIT)).isInstanceOf(ServiceServerErrorException.class);
        assertThat(server.pending()).isEqualTo(1);
        server.take();

        server.always(Reply.status(502));
        assertThatThrownBy(() -> client.sendToAll("m").block(WAIT)).isInstanceOf(ServiceServerErrorException.class)
                .satisfies(e -> assertThat(((ServiceRestException) e).status()).isEqualTo(502));
        assertThat(server.pending()).isEqualTo(3);
    }

    @Test
    void idempotentCallsAreRetriedAfterAnyServerErrorAndRequestTimeout() {
        server.replying(Reply.status(500), Reply.status(408), Reply.status(200));
        assertThat(client.groupExists("g").block(WAIT)).isTrue();
        assertThat(server.pending()).isEqualTo(3);
    }

    @Test
    void anUnansweredCallTimesOutAndOnlyIdempotentOnesAreRetried() {
        server.always(Reply.never());
        try (ServiceClient impatient = client(ServiceClientOptions.defaults()
                .withRequestTimeout(Duration.ofMillis(300)).withRetries(1, Duration.ofMillis(10)))) {
            assertThatThrownBy(() -> impatient.sendToAll("m").block(WAIT))
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(server.pending()).isEqualTo(1);

            assertThatThrownBy(() -> impatient.connectionExists("c").block(WAIT))
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(server.pending()).isEqualTo(3);
        }
    }

    @Test
    void healthIsTrueOnlyWhenTheServiceAnswersTwoHundred() throws Exception {
        assertThat(client.isHealthy().block(WAIT)).isTrue();
        Recorded request = server.take();
        assertThat(request.method()).isEqualTo("HEAD");
        assertThat(request.uri()).isEqualTo("/api/health" + API);

        server.always(Reply.status(503));
        assertThat(client.isHealthy().block(WAIT)).isFalse();

        int port = server.port();
        server.close();
        try (ServiceClient orphan = new ServiceClient(ServiceConnectionString.parse(
                "Endpoint=http://127.0.0.1;Port=" + port + ";AccessKey=" + KEY), "chat", null,
                ServiceClientOptions.defaults().withRetries(0, Duration.ofMillis(10)))) {
            assertThat(orphan.isHealthy().block(WAIT)).isFalse();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.sendToGroup(" ", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sendToGroup("x".repeat(1025), "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sendToUser("", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sendToAll("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceClient(ServiceConnectionString.parse(server.connectionString(KEY)), "1hub"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceClient(ServiceConnectionString.parse("Endpoint=https://a;AuthType=azure"),
                "hub")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AccessKey");
        assertThat(server.pending()).isZero();
    }

    private ServiceClient client(ServiceClientOptions options) {
        return new ServiceClient(ServiceConnectionString.parse(server.connectionString(KEY)), "Chat", null,
                options.withServerName("app-server-1"));
    }
}
