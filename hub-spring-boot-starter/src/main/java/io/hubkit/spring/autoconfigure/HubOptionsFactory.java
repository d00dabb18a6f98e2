package io.hubkit.spring.autoconfigure;

import io.hubkit.core.HubOptions;

/** Maps {@link HubKitProperties} onto the runtime's {@link HubOptions}. Stateless. */
public final class HubOptionsFactory {

    private HubOptionsFactory() {
    }

    /** The options every hub gets when the application defines no {@code HubOptions} bean. */
    public static HubOptions from(HubKitProperties properties) {
        long maximumReceiveMessageSize = properties.getMaximumReceiveMessageSize().toBytes();
        if (maximumReceiveMessageSize <= 0 || maximumReceiveMessageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hubkit.maximum-receive-message-size must be between 1B and 2GB: "
                    + properties.getMaximumReceiveMessageSize());
        }
        long replayBuffer = properties.getStatefulReconnect().getBufferSize().toBytes();
        if (replayBuffer <= 0 || replayBuffer > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hubkit.stateful-reconnect.buffer-size must be between 1B and 2GB: "
                    + properties.getStatefulReconnect().getBufferSize());
        }
        return HubOptions.builder()
                .enableDetailedErrors(properties.isDetailedErrors())
                .keepAliveInterval(properties.getKeepAliveInterval())
                .clientTimeoutInterval(properties.getClientTimeoutInterval())
                .handshakeTimeout(properties.getHandshakeTimeout())
                .maximumReceiveMessageSize((int) maximumReceiveMessageSize)
                .streamBufferCapacity(properties.getStreamBufferCapacity())
                .maximumParallelInvocationsPerClient(properties.getMaximumParallelInvocationsPerClient())
                .clientResultTimeout(properties.getClientResultTimeout())
                .outboundQueueCapacity(properties.getOutboundQueueCapacity())
                .statefulReconnectBufferSize((int) replayBuffer)
                .build();
    }
}
