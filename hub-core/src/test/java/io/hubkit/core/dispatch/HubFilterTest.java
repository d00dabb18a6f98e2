package io.hubkit.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubException;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.testing.WireClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Filters wrap invocations and callbacks in registration order, and can veto or change results. */
class HubFilterTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private HubEndpoint endpoint;

    /** The hub under test; records into the test's event list. */
    public class RecordingHub {

        @OnConnected
        public void connected() {
            events.add("hub connected");
        }

        @OnDisconnected
        public void disconnected(Throwable error) {
            events.add("hub disconnected " + error);
        }

        public String greet(String name) {
            events.add("hub greet");
            return "hello " + name;
        }

        public String secret() {
            events.add("hub secret");
            return "secret";
        }
    }

    /** Records around everything under a name. */
    private final class Recording implements HubFilter {

        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
            events.add(name + " before " + context.hubMethodName() + context.arguments());
            return next.invoke(context).doOnSuccess(result -> events.add(name + " after " + result));
        }

        @Override
        public Mono<Void> onConnected(HubLifetimeContext context, LifetimeNext next) {
            events.add(name + " connected " + (context.context().connectionId() != null));
            return next.invoke(context);
        }

        @Override
        public Mono<Void> onDisconnected(HubLifetimeContext context, Throwable error, DisconnectedNext next) {
            events.add(name + " disconnected");
            return next.invoke(context, error);
        }
    }

    /** Vetoes one method and decorates another's result. */
    private static final class Guard implements HubFilter {

        @Override
        public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
            if (context.hubMethod().getName().equals("secret")) {
                return Mono.error(new HubException("denied"));
            }
            return next.invoke(context).map(result -> result + "!");
        }
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void filtersRunInOrderAroundInvocationsAndCallbacks() {
        endpoint = HubEndpoint.builder(new RecordingHub())
                .filters(List.of(new Recording("outer"), new Recording("inner"), new Guard()))
                .build();
        WireClient client = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol());

        assertThat(client.invokeAndWait("greet", "ann").result()).isEqualTo("hello ann!");
        assertThat(client.invokeAndWait("secret").error())
                .isEqualTo("An unexpected error occurred invoking 'secret' on the server. HubException: denied");
        client.disconnect();
        client.awaitEnded();

        assertThat(events).containsExactly(
                "outer connected true", "inner connected true", "hub connected",
                "outer before greet[ann]", "inner before greet[ann]", "hub greet", "inner after hello ann!",
                "outer after hello ann!",
                "outer before secret[]", "inner before secret[]",
                "outer disconnected", "inner disconnected", "hub disconnected null");
    }
}
