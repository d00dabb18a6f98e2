package io.hubkit.service.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API over real HTTP: authentication failures, the exact statuses and
 * {@code x-ms-error-code} headers of both API versions, the error body styles, validation and
 * limits, and {@code :generateToken}.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hubkit.service.access-keys=rest-test-key-0123456789ABCDEFGHIJKLMNOPQRST")
class RestApiTest {

    private static final String KEY = "rest-test-key-0123456789ABCDEFGHIJKLMNOPQRST";
    private static final String API = "?api-version=2022-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private RestCalls rest;

    @BeforeEach
    void client() {
        rest = new RestCalls(URI.create("http://localhost:" + port), KEY);
    }

    @Test
    void requestsWithoutAValidTokenAre401() throws Exception {
        String path = "/api/hubs/chat/:send" + API;
        byte[] body = "{\"target\":\"t\",\"arguments\":[]}".getBytes(StandardCharsets.UTF_8);
        String url = "http://localhost" + path;

        HttpResponse<String> none = rest.call("POST", path, "application/json", body, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).path("code").asText()).isEqualTo("Unauthorized");

        String forged = TestTokens.token("some-other-key-0123456789ABCDEFGHIJKLMNOP", url, Map.of(), Duration.ofHours(1));
        String expired = TestTokens.token(KEY, url, Map.of(), Duration.ofMinutes(-30));
        String wrongPath = TestTokens.token(KEY, "http://localhost/api/hubs/chat/users/u/:send" + API, Map.of(),
                Duration.ofHours(1));
        String otherHub = TestTokens.token(KEY, "http://localhost/api/hubs/news/:send" + API, Map.of(), Duration.ofHours(1));
        String otherHost = TestTokens.token(KEY, "http://elsewhere.example/api/hubs/chat/:send" + API, Map.of(),
                Duration.ofHours(1));
        for (String token : new String[] {forged, expired, wrongPath, otherHub, otherHost, "not-a-jwt"}) {
            HttpResponse<String> response = rest.call("POST", path, "application/json", body, "Bearer " + token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
        }
        HttpResponse<String> basic = rest.call("POST", path, "application/json", body, "Basic dXNlcjpwYXNz");
        assertThat(basic.statusCode()).isEqualTo(401);

        HttpResponse<String> v1 = rest.call("POST", "/api/v1/hubs/chat", "application/json", body, "Bearer " + forged);
        assertThat(v1.statusCode()).isEqualTo(401);
        assertThat(v1.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void audiencesAreComparedWithoutPortTrailingSlashOrQuery() {
        String path = "/api/v1/hubs/chat";
        byte[] body = "{\"target\":\"t\",\"arguments\":[]}".getBytes(StandardCharsets.UTF_8);
        for (String audience : new String[] {"http://localhost/api/v1/hubs/chat", "http://localhost:1/api/v1/hubs/chat/",
                "http://LOCALHOST/api/v1/hubs/chat?api-version=1.0"}) {
            String token = TestTokens.token(KEY, audience, Map.of(), Duration.ofHours(1));
            assertThat(rest.call("POST", path, "application/json", body, "Bearer " + token).statusCode())
                    .as(audience).isEqualTo(202);
        }
        String sdkStyle = rest.tokenFor("/api/hubs/chat/:send" + API);
        assertThat(rest.call("POST", "/api/hubs/chat/:send" + API + "&excluded=a&excluded=b", "application/json", body,
                "Bearer " + sdkStyle).statusCode()).as("extra query parameters are not part of the audience").isEqualTo(202);
    }

    @Test
    void statusesAndErrorCodesOf2022() throws Exception {
        String hub = "/api/hubs/chat";
        assertThat(rest.send(hub + "/:send" + API, "m", "[1]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/users/u1/:send" + API, "m", "[]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/groups/g1/:send" + API + "&excluded=c1", "m", "[]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/connections/c1/:send" + API, "m", "[]").statusCode()).isEqualTo(202);

        expectNotFound(rest.call("HEAD", hub + "/connections/c1" + API), "Warning.Connection.NotExisted");
        expectNotFound(rest.call("HEAD", hub + "/users/u1" + API), "Warning.User.NotExisted");
        expectNotFound(rest.call("HEAD", hub + "/groups/g1" + API), "Warning.Group.NotExisted");
        expectNotFound(rest.call("HEAD", hub + "/users/u1/groups/g1" + API), "Info.User.NotInGroup");
        HttpResponse<String> get = rest.call("GET", hub + "/users/u1/groups/g1" + API);
        expectNotFound(get, "Info.User.NotInGroup");
        JsonNode detail = JSON.readTree(get.body());
        assertThat(detail.path("code").asText()).isEqualTo("Info.User.NotInGroup");
        assertThat(detail.path("message").asText()).contains("u1");
        expectNotFound(rest.call("PUT", hub + "/groups/g1/connections/c1" + API), "Error.Connection.NotExisted");
        expectNotFound(rest.call("DELETE", hub + "/groups/g1/connections/c1" + API), "Warning.Connection.NotExisted");

        HttpResponse<String> close = rest.call("DELETE", hub + "/connections/c1" + API + "&reason=bye");
        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(close.headers().firstValue("x-ms-error-code")).hasValue("Warning.Connection.NotExisted");
        assertThat(rest.call("DELETE", hub + "/connections/c1/groups" + API).statusCode()).isEqualTo(200);
        assertThat(rest.call("POST", hub + "/:closeConnections" + API + "&reason=x").statusCode()).isEqualTo(204);
        assertThat(rest.call("POST", hub + "/groups/g1/:closeConnections" + API).statusCode()).isEqualTo(204);
        assertThat(rest.call("POST", hub + "/users/u1/:closeConnections" + API).statusCode()).isEqualTo(204);

        assertThat(rest.call("PUT", hub + "/users/u1/groups/g1" + API + "&ttl=60").statusCode()).isEqualTo(200);
        assertThat(rest.call("HEAD", hub + "/users/u1/groups/g1" + API).statusCode())
                .as("a user added to a group is in it even without connections").isEqualTo(200);
        assertThat(rest.call("DELETE", hub + "/users/u1/groups/g1" + API).statusCode()).isEqualTo(204);
        expectNotFound(rest.call("HEAD", hub + "/users/u1/groups/g1" + API), "Info.User.NotInGroup");
        assertThat(rest.call("PUT", hub + "/users/u1/groups/g2" + API).statusCode()).isEqualTo(200);
        assertThat(rest.call("DELETE", hub + "/users/u1/groups" + API).statusCode()).isEqualTo(204);
        expectNotFound(rest.call("HEAD", hub + "/users/u1/groups/g2" + API), "Info.User.NotInGroup");
    }

    @Test
    void statusesOfV1() {
        String hub = "/api/v1/hubs/chat";
        assertThat(rest.send(hub, "m", "[]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/users/u1", "m", "[]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/groups/g1", "m", "[]").statusCode()).isEqualTo(202);
        assertThat(rest.send(hub + "/connections/c1", "m", "[]").statusCode()).isEqualTo(202);
        expectNotFound(rest.call("GET", hub + "/connections/c1"), "Warning.Connection.NotExisted");
        expectNotFound(rest.call("HEAD", hub + "/groups/g1"), "Warning.Group.NotExisted");
        expectNotFound(rest.call("GET", hub + "/users/u1"), "Warning.User.NotExisted");
        assertThat(rest.call("DELETE", hub + "/connections/c1").statusCode()).isEqualTo(202);
        expectNotFound(rest.call("PUT", hub + "/groups/g1/connections/c1"), "Error.Connection.NotExisted");
        expectNotFound(rest.call("DELETE", hub + "/connections/c1/groups"), "Warning.Connection.NotExisted");
        assertThat(rest.call("PUT", hub + "/groups/g1/users/u1?ttl=30").statusCode()).isEqualTo(202);
        assertThat(rest.call("GET", hub + "/groups/g1/users/u1").statusCode()).isEqualTo(200);
        assertThat(rest.call("DELETE", hub + "/users/u1/groups/g1").statusCode()).isEqualTo(202);
        assertThat(rest.call("DELETE", hub + "/users/u1/groups").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidRequestsAre400And413() throws Exception {
        HttpResponse<String> badHub = rest.send("/api/hubs/1chat/:send" + API, "m", "[]");
        assertThat(badHub.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badHub.body()).path("code").asText()).isEqualTo("InvalidRequest");
        HttpResponse<String> badHubV1 = rest.send("/api/v1/hubs/chat-hub", "m", "[]");
        assertThat(badHubV1.statusCode()).isEqualTo(400);
        assertThat(badHubV1.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(badHubV1.body()).contains("hub name");

        String longGroup = "g".repeat(1025);
        assertThat(rest.send("/api/hubs/chat/groups/" + longGroup + "/:send" + API, "m", "[]").statusCode()).isEqualTo(400);
        assertThat(rest.send("/api/hubs/chat/:send", "m", "[]").statusCode()).as("api-version is required").isEqualTo(400);
        assertThat(rest.send("/api/hubs/chat/:send?api-version=1999-01-01", "m", "[]").statusCode()).isEqualTo(400);
        assertThat(rest.call("PUT", "/api/hubs/chat/users/u/groups/g" + API + "&ttl=-1").statusCode()).isEqualTo(400);
        assertThat(rest.call("PUT", "/api/hubs/chat/users/u/groups/g" + API + "&ttl=abc").statusCode()).isEqualTo(400);

        String path = "/api/hubs/chat/:send" + API;
        String auth = "Bearer " + rest.tokenFor(path);
        assertThat(rest.call("POST", path, "application/json", "{\"arguments\":[]}".getBytes(), auth).statusCode()).isEqualTo(400);
        assertThat(rest.call("POST", path, "application/json", "not json".getBytes(), auth).statusCode()).isEqualTo(400);
        assertThat(rest.call("POST", path, "application/octet-stream", new byte[] {(byte) 0x90}, auth).statusCode())
                .isEqualTo(400);

        byte[] huge = ("{\"target\":\"t\",\"arguments\":[\"" + "x".repeat(1024 * 1024) + "\"]}").getBytes();
        HttpResponse<String> tooLarge = rest.call("POST", path, "application/json", huge, auth);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        // the service is fine afterwards
        assertThat(rest.send(path, "m", "[]").statusCode()).isEqualTo(202);
    }

    @Test
    void generateTokenGivesAClientTokenForTheHub() throws Exception {
        HttpResponse<String> response = rest.call("POST", "/api/hubs/Chat/:generateToken" + API + "&userId=alice&minutesToExpire=5");
        assertThat(response.statusCode()).isEqualTo(200);
        String token = JSON.readTree(response.body()).path("token").asText();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("http://localhost/client/?hub=chat");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("asrs.s.uid")).isEqualTo("alice");
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.MACVerifier(KEY.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(rest.call("POST", "/api/hubs/chat/:generateToken" + API + "&minutesToExpire=0").statusCode()).isEqualTo(400);
    }

    private static void expectNotFound(HttpResponse<String> response, String errorCode) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-ms-error-code")).as(response.uri().toString()).hasValue(errorCode);
    }
}
