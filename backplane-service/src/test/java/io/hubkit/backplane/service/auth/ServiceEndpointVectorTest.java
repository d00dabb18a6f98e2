package io.hubkit.backplane.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.protocol.ServiceVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URLs and audiences of the ASP.NET Core SDK's tests (the System.Web {@code aspnet*} forms are
 * out of scope): server and client URLs, the negotiate redirect with {@code asrs.op}, audiences.
 */
class ServiceEndpointVectorTest {

    static Stream<Arguments> urls() {
        return coreOnly("service_urls");
    }

    static Stream<Arguments> audiences() {
        return coreOnly("audiences");
    }

    private static Stream<Arguments> coreOnly(String section) {
        return java.util.stream.StreamSupport.stream(ServiceVectors.node("tokens").get(section).spliterator(), false)
                .filter(v -> v.get("sdk").asText().equals("ASP.NET Core"))
                .map(v -> Arguments.of(v.get("test").asText() + " " + v.get("kind").asText(), v));
    }

    @Test
    void theVectorsHaveCoreCases() {
        assertThat(urls().count()).isEqualTo(18);
        assertThat(audiences().count()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void urlsAreBuiltAsTheReferenceBuildsThem(String name, JsonNode vector) {
        ServiceConnectionString connectionString = ServiceConnectionString.parse(vector.get("connection_string").asText());
        switch (vector.get("kind").asText()) {
            case "server" -> {
                ServiceEndpoint endpoint = endpoint(connectionString, vector.get("hub").asText(), vector);
                assertThat(endpoint.serverUrl(null, null)).isEqualTo(vector.get("url").asText());
                assertThat(endpoint.serverUrl("c-1", "instance 1"))
                        .isEqualTo(vector.get("url").asText() + "&cid=c-1&target=instance%201");
            }
            case "client" -> {
                ServiceEndpoint endpoint = endpoint(connectionString, vector.get("hub").asText(), vector);
                assertThat(endpoint.clientUrl(text(vector, "original_path"), text(vector, "query_string"), null))
                        .isEqualTo(vector.get("url").asText());
            }
            case "negotiate-redirect" -> {
                ServiceEndpoint endpoint = endpoint(connectionString, vector.get("hub_type").asText(), vector);
                String url = endpoint.clientRedirectUrl(text(vector, "request_path"), text(vector, "request_query"),
                        text(vector, "request_id"));
                assertThat(url).startsWith("http://redirect/client/").endsWith(vector.get("url_ends_with").asText());
            }
            default -> throw new IllegalStateException("Unknown kind " + vector.get("kind"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("audiences")
    void audiencesNeverCarryThePort(String name, JsonNode vector) {
        ServiceEndpoint endpoint = endpoint(ServiceConnectionString.parse(vector.get("connection_string").asText()),
                vector.get("hub").asText(), vector);
        String audience = vector.get("kind").asText().equals("server") ? endpoint.serverAudience()
                : endpoint.clientAudience();
        assertThat(audience).isEqualTo(vector.get("audience").asText());
    }

    @Test
    void audiencesUseTheEndpointHostEvenWithAPortAndAClientEndpoint() {
        ServiceEndpoint endpoint = new ServiceEndpoint(ServiceConnectionString.parse(
                "Endpoint=http://localhost;Port=8080;AccessKey=k;ClientEndpoint=https://proxy:9443/base"), "Chat", null);
        assertThat(endpoint.clientAudience()).isEqualTo("http://localhost/client/?hub=chat");
        assertThat(endpoint.clientUrl("/chat", null, null))
                .isEqualTo("https://proxy:9443/base/client/?hub=chat&asrs.op=%2Fchat");
        assertThat(endpoint.serverUrl("x", null)).isEqualTo("http://localhost:8080/server/?hub=chat&cid=x");
    }

    private static ServiceEndpoint endpoint(ServiceConnectionString connectionString, String hub, JsonNode vector) {
        return new ServiceEndpoint(connectionString, hub, text(vector, "application_name"));
    }

    private static String text(JsonNode vector, String field) {
        JsonNode value = vector.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
