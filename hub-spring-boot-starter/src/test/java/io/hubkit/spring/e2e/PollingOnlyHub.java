package io.hubkit.spring.e2e;

import io.hubkit.spring.Hub;
import io.hubkit.spring.TransportType;

/** A hub that offers long polling only, for the per-hub transport filter. */
@Hub(path = "/hubs/polling-only", transports = TransportType.LONG_POLLING)
public class PollingOnlyHub {

    public String echo(String text) {
        return text;
    }
}
