package io.hubkit.core.testing;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import java.util.stream.Stream;

/** The hub protocols tests run against, as a source for parameterized tests. */
public final class Protocols {

    private Protocols() {
    }

    /** JSON and MessagePack, with their default payload mappers. */
    public static Stream<HubProtocol> both() {
        return Stream.of(new JsonHubProtocol(), new MessagePackHubProtocol());
    }
}
