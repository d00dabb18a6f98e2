package io.hubkit.samples.chat.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final MessageRateLimiter limiter = new MessageRateLimiter(3, 2.0, now::get);

    @Test
    void allowsABurstThenRefusesUntilTokensComeBack() {
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();

        now.addAndGet(SECOND / 2);
        assertThat(limiter.tryAcquire()).as("one token after half a second at 2/s").isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        now.addAndGet(3600 * SECOND);

        int accepted = 0;
        while (limiter.tryAcquire()) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(3);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new MessageRateLimiter(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageRateLimiter(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageRateLimiter(1, Double.NaN, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
