package io.hubkit.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.annotation.HubIgnore;
import io.hubkit.core.annotation.HubMethodName;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Hub method discovery: what is callable, under which name, and what is rejected at startup. */
class HubMethodCatalogTest {

    /** A hub with one of everything. */
    public static class RichHub {

        public String plain(String a, List<Integer> numbers) {
            return a;
        }

        public String injected(HubCallerContext context, HubCallerClients clients, GroupManager groups,
                               Principal principal, int wire, Flux<String> upload) {
            return "";
        }

        @HubMethodName("Other")
        public void renamed() {
        }

        @HubIgnore
        public void ignored() {
        }

        @OnConnected
        public void connected(HubCallerContext context) {
        }

        @OnDisconnected
        public void disconnected(Throwable error) {
        }

        public static void notAHubMethod() {
        }

        @Override
        public String toString() {
            return "not a hub method either";
        }
    }

    /** Two methods whose names differ only in case. */
    public static class AmbiguousHub {

        public void send(String text) {
        }

        public void Send(String text, int times) {
        }
    }

    /** An overload. */
    public static class OverloadedHub {

        public void send(String text) {
        }

        public void send(String text, int times) {
        }
    }

    /** A connected callback that wants wire arguments. */
    public static class BadCallbackHub {

        @OnConnected
        public void connected(String fromNowhere) {
        }
    }

    @Test
    void discoversCallableMethods() {
        HubMethodCatalog catalog = HubMethodCatalog.of(RichHub.class);

        assertThat(catalog.methodNames()).containsExactlyInAnyOrder("plain", "injected", "Other");
        assertThat(catalog.contains("PLAIN")).isTrue();
        assertThat(catalog.contains("other")).isTrue();
        assertThat(catalog.contains("renamed")).isFalse();
        assertThat(catalog.onConnected()).isNotNull();
        assertThat(catalog.onDisconnected()).isNotNull();
    }

    @Test
    void separatesWireParametersFromInjectedOnes() throws NoSuchMethodException {
        HubMethodCatalog catalog = HubMethodCatalog.of(RichHub.class);

        HubMethod plain = catalog.find("plain");
        Type listOfIntegers = RichHub.class.getMethod("plain", String.class, List.class).getGenericParameterTypes()[1];
        assertThat(plain.wireTypes()).containsExactly(String.class, listOfIntegers);

        HubMethod injected = catalog.find("injected");
        assertThat(injected.wireTypes()).containsExactly(int.class);
        assertThat(injected.uploadTypes()).containsExactly(String.class);
        assertThat(injected.parameters()).extracting(HubParameter::source).containsExactly(
                HubParameter.Source.CALLER_CONTEXT, HubParameter.Source.CALLER_CLIENTS, HubParameter.Source.GROUPS,
                HubParameter.Source.PRINCIPAL, HubParameter.Source.WIRE, HubParameter.Source.UPLOAD_STREAM);
    }

    @Test
    void rejectsNamesThatDifferOnlyInCase() {
        assertThatThrownBy(() -> HubMethodCatalog.of(AmbiguousHub.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two methods named")
                .hasMessageContaining("@HubMethodName");
    }

    @Test
    void rejectsOverloadsWhenTheEndpointIsBuilt() {
        assertThatThrownBy(() -> HubEndpoint.builder(new OverloadedHub()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overloads are not supported");
    }

    @Test
    void rejectsCallbacksWithWireParameters() {
        assertThatThrownBy(() -> HubMethodCatalog.of(BadCallbackHub.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@OnConnected");
    }

    @Test
    void endpointNamesTheHubAfterItsClassByDefault() {
        HubEndpoint endpoint = HubEndpoint.builder(new RichHub()).build();
        try {
            assertThat(endpoint.name()).isEqualTo("RichHub");
            assertThat(endpoint.hubType()).isEqualTo(RichHub.class);
        } finally {
            endpoint.close();
        }
    }
}
