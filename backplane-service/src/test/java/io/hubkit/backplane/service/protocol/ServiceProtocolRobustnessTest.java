package io.hubkit.backplane.service.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input fails with {@link ServiceProtocolException} and nothing else: every vector is mutated
 * many times (seeded, so a failure reproduces) by flipping, dropping, duplicating and overwriting
 * bytes, and random garbage is fed too. Whatever does decode must encode again.
 */
class ServiceProtocolRobustnessTest {

    private static final int MUTATIONS_PER_VECTOR = 200;

    @Test
    void mutatedVectorsFailOnlyWithTheProtocolError() {
        Random random = new Random(20_261_206L);
        List<byte[]> vectors = ServiceVectors.section("messages")
                .map(v -> ServiceVectors.hex(v.get("framed_hex").asText())).toList();
        int decoded = 0;
        int refused = 0;
        for (byte[] vector : vectors) {
            for (int i = 0; i < MUTATIONS_PER_VECTOR; i++) {
                byte[] input = mutate(vector, random);
                if (survives(input)) {
                    decoded++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void randomBytesFailOnlyWithTheProtocolError() {
        Random random = new Random(7L);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[1 + random.nextInt(64)];
            random.nextBytes(input);
            survives(input);
        }
    }

    /** Feeds {@code input} to a reader; true when it decoded, false when it was refused as it should be. */
    private static boolean survives(byte[] input) {
        try {
            for (ServiceMessage message : new ServiceMessageReader(64 * 1024).read(ByteBuffer.wrap(input))) {
                ServiceProtocol.write(message);
            }
            return true;
        } catch (ServiceProtocolException expected) {
            return false;
        } catch (Throwable unexpected) {
            fail("Input " + ServiceVectors.hex(input) + " failed with " + unexpected, unexpected);
            return false;
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 3 -> {
                    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    longer[at] = (byte) random.nextInt(256);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) (0xc0 + random.nextInt(0x40));
            }
        }
        return bytes;
    }
}
