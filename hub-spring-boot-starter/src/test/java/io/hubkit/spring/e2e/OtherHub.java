package io.hubkit.spring.e2e;

import io.hubkit.spring.Hub;

/** A second hub, so that routing, naming and {@code HubContext} injection are per hub. */
@Hub(path = "/hubs/other", name = "Other")
public class OtherHub {

    public String hello() {
        return "hello from other";
    }
}
