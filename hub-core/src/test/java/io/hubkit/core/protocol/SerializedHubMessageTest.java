package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A message broadcast to many connections is encoded once per protocol, not once per connection. */
class SerializedHubMessageTest {

    private static final HubMessage MESSAGE = InvocationMessage.nonBlocking("Broadcast", List.of("hello", 42));

    @Test
    void encodesOncePerProtocolHoweverManyConnectionsAsk() {
        CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
        CountingProtocol messagePack = new CountingProtocol(new MessagePackHubProtocol());
        SerializedHubMessage serialized = new SerializedHubMessage(MESSAGE);

        List<byte[]> frames = new ArrayList<>();
        for (int connection = 0; connection < 1000; connection++) {
            frames.add(serialized.encoded(connection % 2 == 0 ? json : messagePack));
        }

        assertThat(json.writes.get()).isEqualTo(1);
        assertThat(messagePack.writes.get()).isEqualTo(1);
        assertThat(frames.get(0)).isSameAs(frames.get(998)).isEqualTo(new JsonHubProtocol().writeMessage(MESSAGE));
        assertThat(frames.get(1)).isSameAs(frames.get(999)).isEqualTo(new MessagePackHubProtocol().writeMessage(MESSAGE));
    }

    @Test
    void buffersAreReadOnlyViewsOfTheSharedEncodingWithPositionsOfTheirOwn() {
        CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
        SerializedHubMessage serialized = new SerializedHubMessage(MESSAGE);
        byte[] expected = new JsonHubProtocol().writeMessage(MESSAGE);

        ByteBuffer first = serialized.buffer(json);
        ByteBuffer second = serialized.buffer(json);
        first.get(new byte[5]); // one reader moving its view does not move another's

        assertThat(json.writes.get()).isEqualTo(1);
        assertThat(first.isReadOnly()).isTrue();
        assertThat(first.isDirect()).as("a message for one connection stays on the heap").isFalse();
        assertThat(second.position()).isZero();
        assertThat(bytesOf(second)).isEqualTo(expected).isEqualTo(serialized.encoded(json));
    }

    @Test
    void aFanOutMessageSharesOneDirectBufferPerProtocol() {
        CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
        CountingProtocol messagePack = new CountingProtocol(new MessagePackHubProtocol());
        SerializedHubMessage serialized = SerializedHubMessage.forFanOut(MESSAGE);

        for (int connection = 0; connection < 100; connection++) {
            ByteBuffer view = serialized.buffer(connection % 2 == 0 ? json : messagePack);
            assertThat(view.isDirect()).isTrue();
            assertThat(view.isReadOnly()).isTrue();
            assertThat(bytesOf(view)).isEqualTo(connection % 2 == 0
                    ? new JsonHubProtocol().writeMessage(MESSAGE) : new MessagePackHubProtocol().writeMessage(MESSAGE));
        }
        assertThat(json.writes.get()).isEqualTo(1);
        assertThat(messagePack.writes.get()).isEqualTo(1);
    }

    private static byte[] bytesOf(ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.duplicate().get(bytes);
        return bytes;
    }

    @Test
    void concurrentReadersGetEqualBytes() throws Exception {
        CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
        SerializedHubMessage serialized = new SerializedHubMessage(MESSAGE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> readers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                readers.add(() -> serialized.encoded(json));
            }
            byte[] expected = new JsonHubProtocol().writeMessage(MESSAGE);
            for (Future<byte[]> frame : pool.invokeAll(readers)) {
                assertThat(frame.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(json.writes.get()).isBetween(1, 4);
    }

    @Test
    void aPreEncodedFrameIsNotEncodedAgain() {
        CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
        byte[] received = new JsonHubProtocol().writeMessage(MESSAGE);

        SerializedHubMessage serialized = SerializedHubMessage.preEncoded(MESSAGE, json, received);

        assertThat(serialized.encoded(json)).isSameAs(received);
        assertThat(json.writes.get()).isZero();
    }

    @Test
    void moreProtocolsThanCachedStillGetTheirOwnBytes() {
        SerializedHubMessage serialized = new SerializedHubMessage(MESSAGE);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 6; i++) {
                HubProtocol protocol = new Renamed("p" + i, i % 2 == 0 ? new JsonHubProtocol() : new MessagePackHubProtocol());
                HubMessage decoded = protocol.parseMessage(ByteBuffer.wrap(serialized.encoded(protocol)),
                        new VectorBinder(List.of(String.class, Integer.class), Object.class));
                assertThat(decoded).isEqualTo(MESSAGE);
            }
        }
    }

    /** A real protocol that counts how often it encodes. */
    private static final class CountingProtocol extends Renamed {
        final AtomicInteger writes = new AtomicInteger();

        CountingProtocol(HubProtocol delegate) {
            super(delegate.name(), delegate);
        }

        @Override
        public byte[] writeMessage(HubMessage message) {
            writes.incrementAndGet();
            return super.writeMessage(message);
        }
    }

    /** A real protocol under another name. */
    private static class Renamed implements HubProtocol {
        private final String name;
        private final HubProtocol delegate;

        Renamed(String name, HubProtocol delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int version() {
            return delegate.version();
        }

        @Override
        public TransferFormat transferFormat() {
            return delegate.transferFormat();
        }

        @Override
        public HubMessage parseMessage(ByteBuffer input, InvocationBinder binder) {
            return delegate.parseMessage(input, binder);
        }

        @Override
        public byte[] writeMessage(HubMessage message) {
            return delegate.writeMessage(message);
        }
    }
}
