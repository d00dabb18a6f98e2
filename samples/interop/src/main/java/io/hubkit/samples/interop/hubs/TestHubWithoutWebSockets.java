package io.hubkit.samples.interop.hubs;

import io.hubkit.spring.Hub;
import io.hubkit.spring.TransportType;

/** {@link TestHub} again at {@code /testhub-nowebsockets}, offering only Server-Sent Events and long polling. */
@Hub(path = "/testhub-nowebsockets", transports = {TransportType.SERVER_SENT_EVENTS, TransportType.LONG_POLLING})
public class TestHubWithoutWebSockets extends TestHub {
}
