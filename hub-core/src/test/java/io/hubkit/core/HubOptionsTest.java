package io.hubkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults are ASP.NET Core SignalR's; invalid limits are rejected when built. */
class HubOptionsTest {

    @Test
    void defaultsMatchTheOfficialServer() {
        HubOptions options = HubOptions.defaults();

        assertThat(options.keepAliveInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.clientTimeoutInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.handshakeTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.maximumReceiveMessageSize()).isEqualTo(32768);
        assertThat(options.streamBufferCapacity()).isEqualTo(10);
        assertThat(options.maximumParallelInvocationsPerClient()).isEqualTo(1);
        assertThat(options.enableDetailedErrors()).isFalse();
        assertThat(options.clientResultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.outboundQueueCapacity()).isEqualTo(10_000);
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void toBuilderKeepsEverythingButWhatIsChanged() {
        HubOptions changed = HubOptions.defaults().toBuilder().enableDetailedErrors(true).streamBufferCapacity(3).build();

        assertThat(changed.enableDetailedErrors()).isTrue();
        assertThat(changed.streamBufferCapacity()).isEqualTo(3);
        assertThat(changed.toBuilder().build().toString()).isEqualTo(changed.toString());
        assertThat(changed.keepAliveInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void rejectsLimitsThatCannotWork() {
        assertThatThrownBy(() -> HubOptions.builder().maximumReceiveMessageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumReceiveMessageSize");
        assertThatThrownBy(() -> HubOptions.builder().keepAliveInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepAliveInterval");
        assertThatThrownBy(() -> HubOptions.builder().outboundQueueCapacity(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outboundQueueCapacity");
    }
}
