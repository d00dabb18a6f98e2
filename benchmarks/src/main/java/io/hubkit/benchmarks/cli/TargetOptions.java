package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.servers.ServerKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which servers a command measures: the ones the tool starts itself ({@code --servers},
 * {@code --protocols}), or one already running ({@code --url} with {@code --kind}).
 */
public final class TargetOptions {

    @Option(names = "--servers", split = ",", defaultValue = "hubkit,stomp,socketio,netty",
            description = "Servers to start and measure, in order (default: ${DEFAULT-VALUE}).")
    List<String> servers = new ArrayList<>();

    @Option(names = "--protocols", split = ",", defaultValue = "json,messagepack",
            description = "HubKit hub protocols, each against a fresh server (default: ${DEFAULT-VALUE}).")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--url", description = "Measure a server that is already running at this WebSocket URL "
            + "(e.g. ws://127.0.0.1:8080/hubs/bench) instead of starting one; needs --kind.")
    URI url;

    @Option(names = "--kind", description = "The kind of server behind --url: hubkit, stomp, socketio or netty.")
    String kind;

    /** One server kind and, for HubKit, the protocol. */
    record Spec(ServerKind kind, String protocol) {
        String label() {
            return protocol == null ? kind.id() : kind.id() + "-" + protocol;
        }
    }

    List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        if (url != null) {
            ServerKind external = ServerKind.of(kind == null ? "hubkit" : kind);
            if (external == ServerKind.HUBKIT) {
                protocols.forEach(protocol -> specs.add(new Spec(external, protocol)));
            } else {
                specs.add(new Spec(external, null));
            }
            return specs;
        }
        for (String server : servers) {
            ServerKind serverKind = ServerKind.of(server);
            if (serverKind == ServerKind.HUBKIT) {
                protocols.forEach(protocol -> specs.add(new Spec(serverKind, protocol)));
            } else {
                specs.add(new Spec(serverKind, null));
            }
        }
        return specs;
    }
}
