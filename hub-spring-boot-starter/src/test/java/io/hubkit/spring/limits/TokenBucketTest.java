package io.hubkit.spring.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: bursts up to capacity, then the refill rate. */
class TokenBucketTest {

    @Test
    void burstThenRefillAtTheRate() {
        AtomicLong now = new AtomicLong(1_000);
        TokenBucket bucket = new TokenBucket(2, 3, now::get);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).as("burst used up").isFalse();
        now.addAndGet(400_000_000L);
        assertThat(bucket.tryTake()).as("0.8 tokens after 400 ms at 2/s").isFalse();
        now.addAndGet(100_000_000L);
        assertThat(bucket.tryTake()).as("one token after 500 ms").isTrue();
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).as("refilled to capacity, never beyond").isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
    }
}
