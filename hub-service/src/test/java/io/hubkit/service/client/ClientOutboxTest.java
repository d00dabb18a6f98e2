package io.hubkit.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.connection.RawConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Coalescing, bounds and completion of a client's outbox, against a connection whose writes the test completes. */
class ClientOutboxTest {

    /** A connection that records each write and completes it when the test says so. */
    private static final class ManualConnection implements RawConnection {
        final List<String> writes = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> pending = new CopyOnWriteArrayList<>();

        @Override
        public String connectionId() {
            return "c";
        }

        @Override
        public Principal principal() {
            return null;
        }

        @Override
        public ConnectionInfo info() {
            return new ConnectionInfo("WebSockets", "/client", null, null, null, null);
        }

        @Override
        public boolean supportsBinary() {
            return true;
        }

        @Override
        public Flux<ByteBuffer> receive() {
            return Flux.never();
        }

        @Override
        public Mono<Void> send(ByteBuffer payload, TransferFormat format) {
            writes.add(StandardCharsets.UTF_8.decode(payload).toString());
            Sinks.Empty<Void> done = Sinks.empty();
            pending.add(done);
            return done.asMono();
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }

        void finishWrite(int index) {
            pending.get(index).tryEmitEmpty();
        }

        void failWrite(int index) {
            pending.get(index).tryEmitError(new IllegalStateException("closed"));
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void messagesQueuedDuringAWriteGoOutTogetherInOrder() {
        ManualConnection connection = new ManualConnection();
        ClientOutbox outbox = new ClientOutbox(connection, () -> TransferFormat.TEXT, 10, 1024);

        outbox.offer(text("a;"));
        outbox.offer(text("b;"));
        outbox.offer(text("c;"));
        assertThat(connection.writes).containsExactly("a;");

        connection.finishWrite(0);
        assertThat(connection.writes).containsExactly("a;", "b;c;");

        outbox.complete();
        assertThat(outbox.done().toFuture()).isNotDone();
        connection.finishWrite(1);
        outbox.done().block(Duration.ofSeconds(5));
    }

    @Test
    void batchesStayWithinTheByteLimitAndTheQueueIsBounded() {
        ManualConnection connection = new ManualConnection();
        ClientOutbox outbox = new ClientOutbox(connection, () -> TransferFormat.TEXT, 3, 4);

        assertThat(outbox.offer(text("1;"))).isTrue();
        assertThat(outbox.offer(text("2;"))).isTrue();
        assertThat(outbox.offer(text("3;"))).isTrue();
        assertThat(outbox.offer(text("4;"))).isTrue();
        assertThat(outbox.offer(text("5;"))).isFalse();

        connection.finishWrite(0);
        assertThat(connection.writes).containsExactly("1;", "2;3;");
        connection.finishWrite(1);
        assertThat(connection.writes).containsExactly("1;", "2;3;", "4;");
    }

    @Test
    void aFailedWriteEndsTheOutbox() {
        ManualConnection connection = new ManualConnection();
        ClientOutbox outbox = new ClientOutbox(connection, () -> TransferFormat.TEXT, 10, 1024);
        outbox.offer(text("a;"));
        outbox.offer(text("b;"));
        connection.failWrite(0);
        outbox.done().block(Duration.ofSeconds(5));
        assertThat(connection.writes).containsExactly("a;");
    }
}
