package io.hubkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.benchmarks.load.DeliveryKind;
import io.hubkit.benchmarks.load.LoadListener;
import io.hubkit.benchmarks.load.Payloads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload every scenario sends: its kind and send time survive the trip, anything else is refused. */
class PayloadsTest {

    private final List<String> seen = new ArrayList<>();
    private final LoadListener listener = new LoadListener() {
        @Override
        public void delivered(DeliveryKind kind, long sentNanos) {
            seen.add(kind + ":" + sentNanos);
        }

        @Override
        public void joined() {
            seen.add("joined");
        }

        @Override
        public void failed(String reason) {
            seen.add("failed");
        }
    };

    @Test
    void carriesKindAndSendTimeAtTheRequestedSize() {
        String payload = Payloads.create(DeliveryKind.GROUP, 1234567890123L, 64);

        assertThat(payload).hasSize(64).startsWith("G1234567890123|").matches("[A-Za-z0-9|]+");
        assertThat(Payloads.deliver(payload, listener)).isTrue();
        assertThat(seen).containsExactly("GROUP:1234567890123");
    }

    @Test
    void keepsTheWholeTimeWhenTheSizeIsTooSmall() {
        String payload = Payloads.create(DeliveryKind.ECHO, -42L, 2);

        assertThat(payload).isEqualTo("E-42|");
        assertThat(Payloads.deliver(payload, listener)).isTrue();
        assertThat(seen).containsExactly("ECHO:-42");
    }

    @Test
    void refusesWhatIsNotABenchmarkPayload() {
        for (String other : List.of("", "B", "X123|x", "B12x|", "B|xx", "Bxx", "B123")) {
            assertThat(Payloads.deliver(other, listener)).as(other).isFalse();
        }
        assertThat(seen).isEmpty();
    }
}
