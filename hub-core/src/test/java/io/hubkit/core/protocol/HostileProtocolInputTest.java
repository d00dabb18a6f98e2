package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes against the parsers, as a server reads them ({@link BoundedMessageReader}, 32 KB):
 * nesting far deeper than any real payload (refused beyond Jackson's 1000 levels for both protocols), length prefixes announcing gigabytes, truncation and
 * unknown types. Each ends in a {@link HubProtocolException} with the documented text (or a
 * binding failure the connection survives), never in a {@code StackOverflowError}, an allocation
 * of the announced size, or a hang.
 */
class HostileProtocolInputTest {

    private static final int LIMIT = ParserFuzzTarget.MAX_MESSAGE_SIZE;

    @Test
    void deeplyNestedJsonArgumentsAreRefusedByJacksonsNestingLimit() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        byte[] record = ("{\"type\":1,\"target\":\"Target\",\"arguments\":[" + deep + ",\"x\"]}\u001e")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(record.length).isLessThan(LIMIT);
        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), ByteBuffer.wrap(record),
                ParserFuzzTarget.BINDER, LIMIT)).isInstanceOf(HubProtocolException.class)
                .hasMessage("Error reading JSON.").hasStackTraceContaining("nesting depth");
    }

    @Test
    void deeplyNestedJsonEnvelopeIsAProtocolError() {
        byte[] record = ("{\"type\":1,\"x\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}\u001e")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), ByteBuffer.wrap(record),
                ParserFuzzTarget.BINDER, LIMIT)).isInstanceOf(HubProtocolException.class);
    }

    @Test
    void deeplyNestedMessagePackArgumentsDoNotOverflowTheStack() {
        // [1, {}, null, "Target", [ [[[[...]]]] , "x" ]] with 30 000 one-element arrays (fixarray 0x91)
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0x95, 0x01, (byte) 0x80, (byte) 0xc0});
        body.write(0xa6);
        body.writeBytes("Target".getBytes(StandardCharsets.US_ASCII));
        body.write(0x92);
        for (int i = 0; i < 30_000; i++) {
            body.write(0x91);
        }
        body.write(0xc0);
        body.write(0xa1);
        body.write('x');
        byte[] framed = frame(body.toByteArray());
        assertThat(framed.length).isLessThan(LIMIT);
        Object read = readOrError(new MessagePackHubProtocol(), framed);
        assertThat(read).as("a binding failure: the connection can go on")
                .isInstanceOf(InvocationBindingFailureMessage.class);
        assertThat(((InvocationBindingFailureMessage) read).failure()).hasStackTraceContaining("nesting depth (1001)");
        // 1000 levels is what JSON allows too: still bound
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        ok.writeBytes(new byte[] {(byte) 0x95, 0x01, (byte) 0x80, (byte) 0xc0, (byte) 0xa6});
        ok.writeBytes("Target".getBytes(StandardCharsets.US_ASCII));
        ok.write(0x92);
        for (int i = 0; i < 999; i++) {
            ok.write(0x91);
        }
        ok.write(0xc0);
        ok.write(0xa1);
        ok.write('x');
        assertThat(readOrError(new MessagePackHubProtocol(), frame(ok.toByteArray()))).isInstanceOf(InvocationMessage.class);
    }

    @Test
    void hugeLengthPrefixesAreRefusedWithoutAllocatingTheAnnouncedSize() {
        // five VarInt bytes announcing 4 GB
        byte[] tooLong = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x00};
        assertThatThrownBy(() -> BoundedMessageReader.read(new MessagePackHubProtocol(), ByteBuffer.wrap(tooLong),
                ParserFuzzTarget.BINDER, LIMIT)).isInstanceOf(HubProtocolException.class)
                .hasMessage("Messages over 2GB in size are not supported.");
        // announces 1 GB, sends 40 KB: refused as soon as more than the limit is buffered
        byte[] announced = new byte[40_000];
        announced[0] = (byte) 0x80;
        announced[1] = (byte) 0x80;
        announced[2] = (byte) 0x80;
        announced[3] = (byte) 0x80;
        announced[4] = 0x04;
        assertThatThrownBy(() -> BoundedMessageReader.read(new MessagePackHubProtocol(), ByteBuffer.wrap(announced),
                ParserFuzzTarget.BINDER, LIMIT)).isInstanceOf(HubProtocolException.class)
                .hasMessage("The maximum message size of 32768B was exceeded. The message size can be configured in AddHubOptions.");
        // the same announcement with only a few bytes buffered is just incomplete
        assertThat(BoundedMessageReader.read(new MessagePackHubProtocol(), ByteBuffer.wrap(announced, 0, 100),
                ParserFuzzTarget.BINDER, LIMIT)).isNull();
    }

    @Test
    void aJsonRecordThatNeverEndsIsRefusedAtTheLimit() {
        byte[] endless = ("{\"type\":1,\"target\":\"Target\",\"arguments\":[\"" + "a".repeat(40_000))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BoundedMessageReader.read(new JsonHubProtocol(), ByteBuffer.wrap(endless),
                ParserFuzzTarget.BINDER, LIMIT)).isInstanceOf(HubProtocolException.class)
                .hasMessageStartingWith("The maximum message size of 32768B was exceeded.");
    }

    @Test
    void aHandshakeThatIsNotJsonIsAProtocolError() {
        assertThatThrownBy(() -> HandshakeProtocol.parseRequest(ByteBuffer.wrap(
                ("{\"protocol\":" + "[".repeat(3_000) + "\u001e").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(HubProtocolException.class);
        assertThat(HandshakeProtocol.parseRequest(ByteBuffer.wrap("{\"protocol\":\"json\"".getBytes(StandardCharsets.UTF_8))))
                .as("incomplete: no record separator yet").isNull();
    }

    /** The message read, or the protocol error: anything else escapes and fails the test. */
    private static Object readOrError(HubProtocol protocol, byte[] bytes) {
        try {
            return BoundedMessageReader.read(protocol, ByteBuffer.wrap(bytes), ParserFuzzTarget.BINDER, LIMIT);
        } catch (HubProtocolException e) {
            return e;
        }
    }

    private static byte[] frame(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = body.length;
        do {
            int b = length & 0x7f;
            length >>>= 7;
            out.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
