package io.hubkit.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.annotation.ClientMethod;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Strongly typed proxies over a set of clients: void sends at once, Mono sends lazily, results are refused. */
class TypedClientProxiesTest {

    /** A valid broadcast interface. */
    public interface Chat {

        void message(String user, String text);

        @ClientMethod("userJoined")
        Mono<Void> joined(String user);
    }

    /** Asks for a result, which only a single client can give. */
    public interface Asking {

        Mono<Integer> getNumber();
    }

    /** A hub without methods: the test sends from outside. */
    public static class QuietHub {
    }

    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void voidSendsAtOnceAndMonoWhenSubscribed() {
        endpoint = HubEndpoint.builder(new QuietHub()).build();
        WireClient client = WireClient.connect(endpoint.connectionHandler(), new MessagePackHubProtocol());
        Chat chat = endpoint.hubContext().clients().all().as(Chat.class);

        Mono<Void> lazy = chat.joined("ann");
        chat.message("bob", "first");
        lazy.block(WireClient.TIMEOUT);

        assertThat(client.awaitInvocation("message").arguments()).containsExactly("bob", "first");
        assertThat(client.awaitInvocation("userJoined").arguments()).containsExactly("ann");
        assertThat(chat.toString()).contains(Chat.class.getName());
    }

    @Test
    void resultsAreOnlyForSingleClients() {
        endpoint = HubEndpoint.builder(new QuietHub()).build();

        assertThatThrownBy(() -> endpoint.hubContext().clients().all().as(Asking.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("getNumber");
        assertThat(endpoint.hubContext().clients().client("someone").as(Asking.class)).isNotNull();
        assertThatThrownBy(() -> endpoint.hubContext().clients().all().as(String.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
