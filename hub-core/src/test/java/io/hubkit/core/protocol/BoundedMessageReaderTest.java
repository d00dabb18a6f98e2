package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-message size limit (32 KB by default) holds while parsing, for both protocols, with the
 * official error text — and never needs more memory than what is actually buffered.
 */
class BoundedMessageReaderTest {

    private static final int LIMIT = 32 * 1024;
    private static final String TOO_LARGE = "The maximum message size of 32768B was exceeded. "
            + "The message size can be configured in AddHubOptions.";
    private static final InvocationBinder BINDER = new VectorBinder(List.of(String.class), Object.class);

    @Test
    void aJsonRecordWithoutSeparatorBeyondTheLimitIsRejected() {
        String start = "{\"type\":1,\"target\":\"Send\",\"arguments\":[\"" + "x".repeat(40 * 1024);
        ByteBuffer buffer = ByteBuffer.wrap(start.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), buffer, BINDER, LIMIT))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage(TOO_LARGE);
    }

    @Test
    void aJsonRecordBeyondTheLimitIsRejectedEvenWhenComplete() {
        byte[] large = new JsonHubProtocol().writeMessage(InvocationMessage.nonBlocking("Send", List.of("x".repeat(LIMIT))));

        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), ByteBuffer.wrap(large), BINDER, LIMIT))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage(TOO_LARGE);
    }

    @Test
    void anIncompleteRecordWithinTheLimitWaitsForMore() {
        byte[] message = new JsonHubProtocol().writeMessage(InvocationMessage.nonBlocking("Send", List.of("x".repeat(LIMIT - 100))));
        ByteBuffer partial = ByteBuffer.wrap(message, 0, message.length - 1);

        assertThat(BoundedMessageReader.read(new JsonHubProtocol(), partial, BINDER, LIMIT)).isNull();
        assertThat(partial.position()).isZero();
        assertThat(BoundedMessageReader.read(new JsonHubProtocol(), ByteBuffer.wrap(message), BINDER, LIMIT))
                .isEqualTo(InvocationMessage.nonBlocking("Send", List.of("x".repeat(LIMIT - 100))));
    }

    @Test
    void manySmallMessagesInABufferLargerThanTheLimitAreFine() {
        for (HubProtocol protocol : List.of(new JsonHubProtocol(), new MessagePackHubProtocol())) {
            HubMessage message = InvocationMessage.nonBlocking("Send", List.of("y".repeat(1000)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                out.writeBytes(protocol.writeMessage(message));
            }
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            assertThat(buffer.remaining()).isGreaterThan(3 * LIMIT);

            for (int i = 0; i < 100; i++) {
                assertThat(BoundedMessageReader.read(protocol, buffer, BINDER, LIMIT)).isEqualTo(message);
            }
            assertThat(BoundedMessageReader.read(protocol, buffer, BINDER, LIMIT)).isNull();
        }
    }

    @Test
    void aMessagePackFrameLargerThanTheLimitIsRejected() {
        byte[] large = new MessagePackHubProtocol().writeMessage(InvocationMessage.nonBlocking("Send", List.of("z".repeat(LIMIT))));

        assertThatThrownBy(() -> BoundedMessageReader.read(new MessagePackHubProtocol(), ByteBuffer.wrap(large), BINDER, LIMIT))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage(TOO_LARGE);
    }

    @Test
    void aMessagePackPrefixAnnouncingOneGigabyteIsRejectedWithoutAllocatingIt() {
        byte[] oneGigabyte = new byte[BinaryMessageFraming.MAX_PREFIX_SIZE];
        int prefix = BinaryMessageFraming.writePrefix(1 << 30, oneGigabyte, 0);
        ByteBuffer announcedOnly = ByteBuffer.wrap(oneGigabyte, 0, prefix);
        ByteBuffer announcedAndMore = ByteBuffer.allocate(prefix + LIMIT + 1).put(oneGigabyte, 0, prefix);
        announcedAndMore.position(0);

        MessagePackHubProtocol protocol = new MessagePackHubProtocol();

        long before = allocatedBytes();
        assertThat(BoundedMessageReader.read(protocol, announcedOnly, BINDER, LIMIT)).isNull();
        assertThatThrownBy(() -> BoundedMessageReader.read(protocol, announcedAndMore, BINDER, LIMIT))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage(TOO_LARGE);
        long allocated = allocatedBytes() - before;

        assertThat(announcedOnly.position()).isZero();
        assertThat(allocated).as("bytes allocated while rejecting it").isLessThan(1L << 20);
    }

    @Test
    void theConfiguredLimitIsTheOneReported() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[2000]);
        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), buffer, BINDER, 1000))
                .hasMessage("The maximum message size of 1000B was exceeded. The message size can be configured in AddHubOptions.");
    }

    @Test
    void recordsOfUnknownTypesDoNotCountAgainstTheNextMessage() {
        JsonHubProtocol protocol = new JsonHubProtocol();
        byte[] unknown = ("{\"type\":42,\"pad\":\"" + "p".repeat(900) + "\"}\u001e").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(unknown);
        out.writeBytes(unknown);
        out.writeBytes(protocol.writeMessage(new CancelInvocationMessage("1", Map.of())));

        HubMessage message = BoundedMessageReader.read(protocol, ByteBuffer.wrap(out.toByteArray()), BINDER, 1000);

        assertThat(message).isEqualTo(new CancelInvocationMessage("1"));
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
        assumeThat(hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()).isTrue();
        return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
