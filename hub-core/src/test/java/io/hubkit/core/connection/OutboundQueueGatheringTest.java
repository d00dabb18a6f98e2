package io.hubkit.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A coalesced batch reaches the transport as the list of the messages' shared buffers (a gathering
 * write), in order and uncopied; a single message as one view; and a transport without a gathering
 * write of its own gets the records joined into one payload.
 */
class OutboundQueueGatheringTest {

    private static final HubProtocol JSON = new JsonHubProtocol();

    @Test
    void aBatchIsHandedOverAsTheSharedBuffersInOrder() {
        GatheringTransport transport = new GatheringTransport();
        OutboundQueue queue = new OutboundQueue(transport, JSON, 100, error -> { });
        List<SerializedHubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(SerializedHubMessage.forFanOut(InvocationMessage.nonBlocking("m", List.of(i))));
        }
        transport.hold();

        queue.offer(messages.get(0)); // written alone; the others queue up behind it
        queue.offer(messages.get(1));
        queue.offer(messages.get(2));
        queue.offer(messages.get(3));
        transport.release();

        assertThat(transport.writes).hasSize(2);
        assertThat(transport.writes.get(0)).hasSize(1);
        List<ByteBuffer> batch = transport.writes.get(1);
        assertThat(batch).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ByteBuffer record = batch.get(i);
            assertThat(record.isDirect()).as("the broadcast's shared direct buffer, not a copy").isTrue();
            assertThat(record.isReadOnly()).isTrue();
            assertThat(transport.copies.get(1).get(i)).isEqualTo(messages.get(i + 1).encoded(JSON));
        }
        assertThat(queue.size()).isZero();
    }

    @Test
    void batchesFollowOneAnotherWhateverTheirSizeAndLeaveNoRecordBehind() {
        GatheringTransport transport = new GatheringTransport();
        OutboundQueue queue = new OutboundQueue(transport, JSON, 1000, error -> { });
        List<byte[]> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            transport.hold();
            int count = round == 1 ? 5 : 60; // a large batch, a small one, a large one again
            for (int i = 0; i < count; i++) {
                SerializedHubMessage message = new SerializedHubMessage(
                        InvocationMessage.nonBlocking("m", List.of(round, i)));
                expected.add(message.encoded(JSON));
                queue.offer(message);
            }
            transport.release();
        }

        List<byte[]> written = new ArrayList<>();
        transport.copies.forEach(written::addAll);
        assertThat(written).containsExactlyElementsOf(expected);
        assertThat(transport.writes).hasSize(6);
        assertThat(transport.writes.get(1)).hasSize(59);
        assertThat(queue.size()).isZero();
    }

    @Test
    void theDefaultGatheringWriteJoinsTheRecordsIntoOnePayload() {
        List<byte[]> payloads = new CopyOnWriteArrayList<>();
        Transport plain = new Transport() {
            @Override
            public String name() {
                return "LongPolling";
            }

            @Override
            public boolean supportsBinary() {
                return true;
            }

            @Override
            public boolean needsKeepAlive() {
                return false;
            }

            @Override
            public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
                byte[] bytes = new byte[payload.remaining()];
                payload.get(bytes);
                payloads.add(bytes);
                return Mono.empty();
            }

            @Override
            public Mono<Void> close() {
                return Mono.empty();
            }
        };
        ByteBuffer shared = ByteBuffer.wrap(new byte[] {1, 2, 3}).asReadOnlyBuffer();

        plain.write(List.of(shared.duplicate(), ByteBuffer.wrap(new byte[] {4}), shared.duplicate()), TransferFormat.BINARY)
                .block();

        assertThat(payloads).containsExactly(new byte[] {1, 2, 3, 4, 1, 2, 3});
        assertThat(shared.position()).isZero();
    }

    /** Records each write's buffers and their bytes; writes can be held in flight. */
    private static final class GatheringTransport implements Transport {

        final List<List<ByteBuffer>> writes = new CopyOnWriteArrayList<>();
        final List<List<byte[]>> copies = new CopyOnWriteArrayList<>();
        private volatile Sinks.Empty<Void> gate;

        void hold() {
            gate = Sinks.empty();
        }

        void release() {
            Sinks.Empty<Void> held = gate;
            gate = null;
            held.tryEmitEmpty();
        }

        @Override
        public String name() {
            return "WebSockets";
        }

        @Override
        public boolean supportsBinary() {
            return true;
        }

        @Override
        public boolean needsKeepAlive() {
            return true;
        }

        @Override
        public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
            return write(List.of(payload), format);
        }

        @Override
        public Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
            writes.add(List.copyOf(records));
            List<byte[]> bytes = new ArrayList<>();
            for (ByteBuffer record : records) {
                byte[] copy = new byte[record.remaining()];
                record.duplicate().get(copy);
                bytes.add(copy);
            }
            copies.add(bytes);
            Sinks.Empty<Void> held = gate;
            return held == null ? Mono.empty() : held.asMono();
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }
}
