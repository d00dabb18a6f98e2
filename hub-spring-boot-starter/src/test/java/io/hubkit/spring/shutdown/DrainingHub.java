package io.hubkit.spring.shutdown;

import io.hubkit.spring.Hub;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A hub whose {@code work} calls finish only when the test opens the gate, so that a shutdown
 * certainly finds them running; {@code whereAmI} names the instance.
 */
@Hub("/hubs/draining")
public class DrainingHub {

    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Sinks.Empty<Void> gate = Sinks.empty();
    private final String instance;

    public DrainingHub(@Value("${test.instance}") String instance) {
        this.instance = instance;
    }

    public Mono<String> work(String name) {
        started.add(name);
        return gate.asMono().thenReturn("done " + name + " on " + instance);
    }

    public String whereAmI() {
        return instance;
    }
}
