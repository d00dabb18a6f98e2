package io.hubkit.service.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.backplane.service.ServiceBackplaneFactory;
import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.core.HubEndpoint;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.backplane.BackplaneSpecification;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.testing.WireClient;
import io.hubkit.service.HubServiceApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * hub-core's {@link BackplaneSpecification} against the service backplane and a real hub-service:
 * each "server" of the suite is a hub whose {@link ServiceBackplane} connects to the service, and
 * each client of the suite is a {@link WireClient} that connects through the service (negotiate and
 * a real WebSocket on {@code /client}), pinned to the suite's chosen server with
 * {@code asrs.s.sn}/{@code asrs.s.ssticky}. Every send, group change and client result of the suite
 * therefore crosses the service, on one server and between two.
 */
class ServiceBackplaneSpecificationTest extends BackplaneSpecification {

    private static final String KEY = "ServiceBackplaneSpecificationTestKey01234567";

    private static ConfigurableApplicationContext service;
    private static String connectionString;

    private final List<ServiceBackplaneFactory> factories = new ArrayList<>();

    @BeforeAll
    static void startService() {
        service = new SpringApplicationBuilder(HubServiceApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--hubkit.service.access-keys=" + KEY);
        connectionString = "Endpoint=http://localhost;Port=" + port() + ";AccessKey=" + KEY + ";Version=1.0;";
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private static int port() {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    @AfterEach
    void closeFactories() {
        factories.forEach(ServiceBackplaneFactory::close);
    }

    private Backplane newServer(BackplaneHubContext hub) {
        ServiceBackplaneFactory factory = new ServiceBackplaneFactory(ServiceBackplaneOptions.builder()
                .connectionString(connectionString)
                .connectionCount(1)
                .build());
        factories.add(factory);
        return factory.create(hub);
    }

    /** The service applies each app server's messages in order, not the messages of two servers. */
    @Override
    protected boolean ordersAcrossServers() {
        return false;
    }

    @Override
    protected Backplane createBackplane(BackplaneHubContext hub) {
        return newServer(hub);
    }

    @Override
    protected Backplane createSecondServerBackplane(BackplaneHubContext hub) {
        return newServer(hub);
    }

    @Override
    protected HubEndpoint server() {
        return attached(super.server());
    }

    @Override
    protected HubEndpoint secondServer() {
        return attached(super.secondServer());
    }

    @Override
    protected WireClient connect(HubEndpoint server, HubProtocol protocol, String user) {
        ServiceBackplane backplane = (ServiceBackplane) attached(server).backplane();
        return new ServiceClientBridge(port(), backplane.hubKey(), KEY).connect(backplane.serverId(), protocol, user);
    }

    /** Hands the hub's handler to its backplane (once) and waits for its server connection. */
    private static HubEndpoint attached(HubEndpoint endpoint) {
        ServiceBackplane backplane = (ServiceBackplane) endpoint.backplane();
        if (!backplane.clients().isAttached()) {
            backplane.attach(endpoint.connectionHandler(), "/hub");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!backplane.pool().isConnected() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(10));
        }
        assertThat(backplane.pool().isConnected()).as("server connection of %s", backplane.serverId()).isTrue();
        return endpoint;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
