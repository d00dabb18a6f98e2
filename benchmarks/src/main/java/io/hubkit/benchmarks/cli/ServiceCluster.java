package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.scenarios.Cluster;
import io.hubkit.benchmarks.scenarios.RunContext;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import io.hubkit.benchmarks.servers.HubServiceProcess;
import io.hubkit.benchmarks.servers.ServerKind;
import io.hubkit.benchmarks.servers.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scale-out cluster through a hub service, started by the tool: one fresh {@code hub-service}
 * process and N HubKit benchmark servers configured for the service backplane with its connection
 * string ({@code {connectionString}} in the server arguments is replaced by it). The load client
 * negotiates with the app servers in turn and connects where they redirect it — to the service
 * (see {@link Target#viaService()}). Ready once every app server holds server connections to the
 * benchmark hub. Closing stops the app servers, then the service.
 */
final class ServiceCluster implements Cluster {

    /** What makes a HubKit server hand its clients to the hub service. */
    static final List<String> DEFAULT_SERVER_ARGS = List.of("--hubkit.backplane.type=service",
            "--hubkit.backplane.service.connection-string={connectionString}");

    /** The benchmark hub's key at the service: its name ({@code BenchmarkHub}, the class name), lower-cased. */
    private static final String HUB = "benchmarkhub";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final HubServiceProcess service;
    private final List<ServerProcess> servers;
    private final RunContext context;

    private ServiceCluster(HubServiceProcess service, List<ServerProcess> servers, RunContext context) {
        this.service = service;
        this.servers = servers;
        this.context = context;
    }

    static ServiceCluster start(BenchEnvironment env, Path serviceJar, List<String> serverArgs, int count,
                                String protocol, CommonOptions common) throws IOException {
        HubServiceProcess service = HubServiceProcess.start(env, serviceJar, List.of());
        List<ServerProcess> servers = new ArrayList<>();
        try {
            List<String> args = serverArgs.stream()
                    .map(arg -> arg.replace("{connectionString}", service.connectionString()))
                    .toList();
            for (int i = 0; i < count; i++) {
                servers.add(ServerProcess.start(env, ServerKind.HUBKIT, args));
            }
            service.awaitAppServers(HUB, count, CONNECT_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            servers.forEach(ServerProcess::close);
            service.close();
            throw e;
        }
        return new ServiceCluster(service, servers, ClusterContexts.of(servers, service.pid(),
                first -> new Target(ServerKind.HUBKIT, protocol, first, true), common));
    }

    @Override
    public RunContext context() {
        return context;
    }

    @Override
    public void close() {
        servers.forEach(ServerProcess::close);
        service.close();
    }
}
