package io.hubkit.spring.web.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class NegotiatedConnectionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final NegotiatedConnections connections = new NegotiatedConnections(TIMEOUT, 3, now::get, false);

    @Test
    void versionOneHasASeparateTokenAndVersionZeroUsesTheId() {
        NegotiatedConnection v1 = connections.negotiate("Hub", 1);
        NegotiatedConnection v0 = connections.negotiate("Hub", 0);

        assertThat(v1.connectionId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(v1.token()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(v1.connectionId());
        assertThat(v0.token()).isEqualTo(v0.connectionId());
        assertThat(connections.find(v1.token(), "Hub")).isSameAs(v1);
        assertThat(connections.find(v1.connectionId(), "Hub")).as("the public id is not a token").isNull();
        assertThat(connections.find(v0.token(), "Hub")).isSameAs(v0);
    }

    @Test
    void idsAreDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ConnectionIds.next());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aTokenOnlyWorksForItsHub() {
        NegotiatedConnection connection = connections.negotiate("Chat", 1);

        assertThat(connections.find(connection.token(), "Other")).isNull();
        assertThat(connections.find(null, "Chat")).isNull();
    }

    @Test
    void oneTransportRequestAtATimeAndNoChangeOfTransport() {
        NegotiatedConnection connection = connections.negotiate("Hub", 1);

        assertThat(connection.activate("WebSockets")).isEqualTo(Activation.ACTIVATED);
        assertThat(connection.activate("WebSockets")).isEqualTo(Activation.ALREADY_ACTIVE);
        assertThat(connection.activate("LongPolling")).isEqualTo(Activation.OTHER_TRANSPORT);
        assertThat(connection.transport()).isEqualTo("WebSockets");

        connections.release(connection);
        assertThat(connection.activate("WebSockets")).isEqualTo(Activation.GONE);
        assertThat(connections.find(connection.token(), "Hub")).isNull();
        assertThat(connections.size()).isZero();
    }

    @Test
    void unusedConnectionsExpireAfterTheDisconnectTimeoutAndActiveOnesStay() {
        NegotiatedConnection unused = connections.negotiate("Hub", 1);
        NegotiatedConnection active = connections.negotiate("Hub", 1);
        active.activate("WebSockets");

        now.addAndGet(TIMEOUT.toNanos() - 1);
        assertThat(connections.expireIdle()).isZero();
        assertThat(connections.find(unused.token(), "Hub")).isSameAs(unused);

        now.addAndGet(1);
        assertThat(connections.expireIdle()).isEqualTo(1);
        assertThat(connections.find(unused.token(), "Hub")).isNull();
        assertThat(unused.activate("WebSockets")).isEqualTo(Activation.GONE);
        assertThat(connections.find(active.token(), "Hub")).isSameAs(active);
    }

    @Test
    void anIdleConnectionExpiresAndItsChannelIsToldWhileANewRequestKeepsItAlive() {
        NegotiatedConnection polled = connections.negotiate("Hub", 1);
        NegotiatedConnection idle = connections.negotiate("Hub", 1);
        AtomicLong expiries = new AtomicLong();
        for (NegotiatedConnection connection : new NegotiatedConnection[] {polled, idle}) {
            assertThat(connection.activate("LongPolling")).isEqualTo(Activation.ACTIVATED);
            assertThat(connection.attach(expiries::incrementAndGet)).isTrue();
            assertThat(connection.attach(() -> { })).as("one channel per connection").isFalse();
        }
        connections.markIdle(polled);
        connections.markIdle(idle);

        now.addAndGet(TIMEOUT.toNanos() - 1);
        assertThat(polled.activate("LongPolling")).as("the next poll").isEqualTo(Activation.ACTIVATED);
        assertThat(connections.expireIdle()).isZero();

        now.addAndGet(1);
        assertThat(connections.expireIdle()).isEqualTo(1);
        assertThat(expiries).hasValue(1);
        assertThat(connections.find(idle.token(), "Hub")).isNull();
        assertThat(connections.find(polled.token(), "Hub")).isSameAs(polled);
        assertThat(polled.statefulReconnect()).isFalse();
        assertThat(connections.negotiate("Hub", 1, true).statefulReconnect()).isTrue();
    }

    @Test
    void theRegistryIsBounded() {
        for (int i = 0; i < 3; i++) {
            assertThat(connections.negotiate("Hub", 1)).isNotNull();
        }
        assertThat(connections.negotiate("Hub", 1)).isNull();

        now.addAndGet(TIMEOUT.toNanos());
        connections.expireIdle();
        assertThat(connections.negotiate("Hub", 1)).isNotNull();
    }

    @Test
    void connectionsOfClientsThatSkippedNegotiationAreNotRegistered() {
        NegotiatedConnection connection = connections.createUnregistered("Hub");

        assertThat(connection.token()).isEqualTo(connection.connectionId());
        assertThat(connections.find(connection.token(), "Hub")).isNull();
        assertThat(connection.activate("WebSockets")).isEqualTo(Activation.ACTIVATED);
    }

    @Test
    void theBackgroundScanExpiresUnusedConnections() {
        try (NegotiatedConnections scanned = new NegotiatedConnections(Duration.ofMillis(1))) {
            NegotiatedConnection connection = scanned.negotiate("Hub", 1);

            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> scanned.find(connection.token(), "Hub") == null && scanned.size() == 0);
        }
    }

    @Test
    void theDisconnectTimeoutMustBePositive() {
        assertThatThrownBy(() -> new NegotiatedConnections(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
