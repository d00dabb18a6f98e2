package io.hubkit.backplane.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.protocol.ServiceVectors;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every connection string of the reference SDK's tests: the parsed values, or the exact error. */
class ConnectionStringVectorTest {

    static Stream<Arguments> connectionStrings() {
        return ServiceVectors.section("connection_strings")
                .map(v -> Arguments.of(v.get("test").asText() + ": " + v.get("text").asText(), v));
    }

    @Test
    void thereAreEightyOneCases() {
        assertThat(ServiceVectors.section("connection_strings").count()).isEqualTo(81);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionStrings")
    void parsesAsTheReferenceDoes(String name, JsonNode vector) {
        String text = vector.get("text").asText();
        if (!vector.get("valid").asBoolean()) {
            assertThatThrownBy(() -> ServiceConnectionString.parse(text))
                    .isInstanceOf(ConnectionStringException.class)
                    .hasMessageContaining(vector.get("error").asText());
            return;
        }
        ServiceConnectionString parsed = ServiceConnectionString.parse(text);

        assertThat(parsed.endpoint()).isEqualTo(expectedEndpoint(vector));
        assertThat(parsed.accessKey()).isEqualTo(textOrNull(vector, "access_key"));
        assertThat(parsed.port()).isEqualTo(vector.get("port").isNull() ? null : vector.get("port").asInt());
        assertThat(parsed.version()).isEqualTo(textOrNull(vector, "version"));
        assertThat(parsed.authType()).isEqualTo(textOrNull(vector, "auth_type"));
        assertSameUri(parsed.clientEndpoint(), textOrNull(vector, "client_endpoint"));
        assertSameUri(parsed.serverEndpoint(), textOrNull(vector, "server_endpoint"));
        if (vector.has("client_endpoint_port") && !vector.get("client_endpoint_port").isNull()) {
            assertThat(parsed.effectiveClientPort()).isEqualTo(vector.get("client_endpoint_port").asInt());
        }
        if (vector.has("server_endpoint_port") && !vector.get("server_endpoint_port").isNull()) {
            assertThat(parsed.effectiveServerPort()).isEqualTo(vector.get("server_endpoint_port").asInt());
        }
        if (vector.has("audience_base_url")) {
            assertThat(parsed.audienceBaseUrl()).isEqualTo(vector.get("audience_base_url").asText());
            assertThat(parsed.effectiveClientEndpoint()).isEqualTo(vector.get("effective_client_endpoint").asText());
            assertThat(parsed.effectiveServerEndpoint()).isEqualTo(vector.get("effective_server_endpoint").asText());
        }
        if (vector.has("access_key_url")) {
            assertThat(parsed.accessKeyUrl()).isEqualToIgnoringCase(vector.get("access_key_url").asText());
        }
        if (vector.has("credential")) {
            assertCredential(parsed, vector.get("credential").asText());
        } else {
            assertThat(parsed.credentialKind()).isEqualTo(vector.get("access_key").isNull()
                    ? ServiceCredentialKind.MANAGED_IDENTITY : ServiceCredentialKind.ACCESS_KEY);
        }
        assertThat(parsed.toString()).doesNotContain(parsed.accessKey() == null ? "\u0000" : parsed.accessKey());
    }

    @Test
    void entraAccessKeyUrlsDropOnlyTheDefaultPort() {
        ServiceVectors.node("tokens").get("microsoft_entra").get("access_key_url_cases").forEach(c -> {
            ServiceConnectionString parsed = ServiceConnectionString.parse("Endpoint=" + c.get("endpoint").asText()
                    + ";AuthType=azure");
            assertThat(parsed.accessKeyUrl()).isEqualTo(c.get("access_key_url").asText());
        });
    }

    @Test
    void aRepeatedKeyIsAnError() {
        assertThatThrownBy(() -> ServiceConnectionString.parse("Endpoint=https://a;AccessKey=x;accesskey=y"))
                .isInstanceOf(ConnectionStringException.class)
                .hasMessage("Duplicate properties found in connection string: accesskey.");
    }

    @Test
    void anAccessKeyIsRequiredWithoutAuthType() {
        assertThatThrownBy(() -> ServiceConnectionString.parse("Endpoint=https://a;Version=1.0"))
                .isInstanceOf(ConnectionStringException.class).hasMessageContaining("accesskey is required.");
    }

    @Test
    void valuesMayContainEqualsSignsAndSpaces() {
        ServiceConnectionString parsed = ServiceConnectionString.parse(" Endpoint = https://a.b/ ; AccessKey = k=v== ;;");
        assertThat(parsed.endpoint()).isEqualTo("https://a.b");
        assertThat(parsed.accessKey()).isEqualTo("k=v==");
    }

    /** Legacy entries kept the port apart; today it is folded into the endpoint. */
    private static String expectedEndpoint(JsonNode vector) {
        String endpoint = vector.get("endpoint").asText();
        if (vector.path("legacy").asBoolean() && !vector.get("port").isNull()) {
            return endpoint + ":" + vector.get("port").asInt();
        }
        return endpoint;
    }

    private static void assertCredential(ServiceConnectionString parsed, String credential) {
        if (credential.startsWith("client secret")) {
            assertThat(parsed.credentialKind()).isEqualTo(ServiceCredentialKind.CLIENT_SECRET);
        } else if (credential.startsWith("default Azure credential")) {
            assertThat(parsed.credentialKind()).isEqualTo(ServiceCredentialKind.DEFAULT_AZURE_CREDENTIAL);
        } else if (credential.equals("managed identity (system-assigned)")) {
            assertThat(parsed.credentialKind()).isEqualTo(ServiceCredentialKind.MANAGED_IDENTITY);
            assertThat(parsed.clientId()).isNull();
        } else if (credential.startsWith("managed identity (user-assigned, clientId ")) {
            assertThat(parsed.credentialKind()).isEqualTo(ServiceCredentialKind.MANAGED_IDENTITY);
            assertThat(parsed.clientId()).isEqualTo(credential.replaceAll(".*clientId (\\w+)\\)", "$1"));
        } else {
            throw new IllegalStateException("Unknown credential in vector: " + credential);
        }
    }

    private static void assertSameUri(String actual, String expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(uriKey(actual)).isEqualTo(uriKey(expected));
    }

    /** A URI as .NET's Uri compares it: scheme, host, effective port and path without trailing slash. */
    private static String uriKey(String text) {
        URI uri = URI.create(text);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + ServiceUris.effectivePort(uri) + path;
    }

    private static String textOrNull(JsonNode vector, String field) {
        JsonNode value = vector.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
