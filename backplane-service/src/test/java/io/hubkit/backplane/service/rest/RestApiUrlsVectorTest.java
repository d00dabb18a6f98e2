package io.hubkit.backplane.service.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.protocol.ServiceVectors;
import io.netty.handler.codec.http.HttpMethod;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The REST URLs and token audiences of the reference SDK's tests, and the health check's. */
class RestApiUrlsVectorTest {

    private static final JsonNode REST = ServiceVectors.node("tokens").get("rest_api");

    static Stream<Arguments> cases() {
        return StreamSupport.stream(REST.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("operation").asText() + " " + c.get("hub").asText(), c));
    }

    @Test
    void thereAreEighteenCases() {
        assertThat(cases().count()).isEqualTo(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void urlsAndAudiencesMatch(String name, JsonNode vector) {
        RestApiUrls urls = new RestApiUrls(ServiceConnectionString.parse(REST.get("connection_string").asText()),
                vector.get("hub").asText(), vector.get("application").asText());
        String user = RestRoute.segment(vector.get("user").asText());
        String group = RestRoute.segment(vector.get("group").asText());
        String connection = RestRoute.segment(vector.get("connection").asText());
        RestRoute route = switch (vector.get("operation").asText()) {
            case "broadcast" -> RestRoute.send("/:send", new byte[0]);
            case "send_to_user" -> RestRoute.send("/users" + user + "/:send", new byte[0]);
            case "send_to_group" -> RestRoute.send("/groups" + group + "/:send", new byte[0]);
            case "send_to_connection" -> RestRoute.send("/connections" + connection + "/:send", new byte[0]);
            case "user_group_management" -> RestRoute.hub(HttpMethod.PUT, "/users" + user + "/groups" + group);
            case "connection_group_management" -> RestRoute.hub(HttpMethod.PUT, "/groups" + group + "/connections"
                    + connection);
            default -> throw new IllegalStateException("Unknown operation " + vector.get("operation"));
        };

        assertThat(urls.url(route)).isEqualTo(vector.get("url").asText());
        assertThat(urls.audience(route)).isEqualTo(vector.get("audience").asText());
        assertThat(urls.audience(route.with("excluded", "c1").with("ttl", "5"))).isEqualTo(vector.get("audience").asText());
    }

    @Test
    void healthAndPortFollowTheAudienceRules() {
        RestApiUrls urls = new RestApiUrls(ServiceConnectionString.parse("Endpoint=https://abc:8443;AccessKey=k"), "Hub",
                null);
        assertThat(urls.url(RestRoute.health())).isEqualTo("https://abc:8443/api/health?api-version=2022-06-01");
        assertThat(urls.audience(RestRoute.health())).isEqualTo("https://abc/api/health?api-version=2022-06-01");
        assertThat(urls.url(RestRoute.send("/:send", new byte[0]).with("excluded", "a b")))
                .isEqualTo("https://abc:8443/api/hubs/hub/:send?api-version=2022-06-01&excluded=a%20b");
    }
}
