package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The protocol registry answers the handshake's protocol name. */
class HubProtocolsTest {

    @Test
    void offersJsonAndMessagePackByDefault() {
        HubProtocols protocols = HubProtocols.defaults();

        assertThat(protocols.find("json")).isInstanceOf(JsonHubProtocol.class);
        assertThat(protocols.find("messagepack")).isInstanceOf(MessagePackHubProtocol.class);
        assertThat(protocols.all()).hasSize(2);
        assertThat(protocols.find("json").transferFormat()).isEqualTo(TransferFormat.TEXT);
        assertThat(protocols.find("messagepack").transferFormat()).isEqualTo(TransferFormat.BINARY);
    }

    @Test
    void matchesNamesCaseInsensitivelyAndKnowsNothingElse() {
        HubProtocols protocols = HubProtocols.defaults();

        assertThat(protocols.find("JSON")).isSameAs(protocols.find("json"));
        assertThat(protocols.find("MessagePack")).isSameAs(protocols.find("messagepack"));
        assertThat(protocols.find("xml")).isNull();
        assertThat(protocols.find("")).isNull();
        assertThat(protocols.find(null)).isNull();
    }

    @Test
    void holdsExactlyTheGivenProtocolsAndCannotBeChanged() {
        JsonHubProtocol pascal = JsonHubProtocol.pascalCase();
        HubProtocols protocols = HubProtocols.of(new JsonHubProtocol(), pascal);

        assertThat(protocols.find("json")).isSameAs(pascal);
        assertThat(protocols.find("messagepack")).isNull();
        assertThatThrownBy(() -> protocols.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsEveryVersionUpToItsOwn() {
        for (HubProtocol protocol : HubProtocols.defaults().all()) {
            assertThat(protocol.version()).isEqualTo(2);
            assertThat(protocol.isVersionSupported(1)).isTrue();
            assertThat(protocol.isVersionSupported(2)).isTrue();
            assertThat(protocol.isVersionSupported(3)).isFalse();
        }
    }
}
