package io.hubkit.benchmarks.jmh;

import io.hubkit.core.protocol.CancelInvocationMessage;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** The sample message of each type the protocol benchmarks write and parse, and a binder for them. */
final class BenchmarkMessages {

    static final String PAYLOAD = "B1234567890123|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /** Binds every target's arguments as (String, Integer), results and items as String. */
    static final InvocationBinder BINDER = new InvocationBinder() {
        private final List<Type> parameters = List.of(String.class, Integer.class);

        @Override
        public List<Type> parameterTypes(String target) {
            return parameters;
        }

        @Override
        public Type returnType(String invocationId) {
            return String.class;
        }

        @Override
        public Type streamItemType(String streamId) {
            return String.class;
        }
    };

    private BenchmarkMessages() {
    }

    static HubProtocol protocol(String name) {
        return switch (name) {
            case "json" -> new JsonHubProtocol();
            case "messagepack" -> new MessagePackHubProtocol();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static HubMessage message(String type) {
        return switch (type) {
            case "invocation" -> new InvocationMessage("17", "send", List.of(PAYLOAD, 42), null, Map.of());
            case "nonBlockingInvocation" -> InvocationMessage.nonBlocking("send", List.of(PAYLOAD, 42));
            case "streamInvocation" -> new StreamInvocationMessage("17", "counter", List.of(PAYLOAD, 42), null, Map.of());
            case "streamItem" -> new StreamItemMessage("17", PAYLOAD);
            case "completion" -> CompletionMessage.withResult("17", PAYLOAD);
            case "cancelInvocation" -> new CancelInvocationMessage("17", Map.of());
            case "ping" -> PingMessage.INSTANCE;
            case "close" -> new CloseMessage("Server is shutting down.", true);
            default -> throw new IllegalArgumentException(type);
        };
    }
}
