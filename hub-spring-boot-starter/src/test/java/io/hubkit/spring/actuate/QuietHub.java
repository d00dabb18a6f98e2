package io.hubkit.spring.actuate;

import io.hubkit.spring.Hub;

/** A second hub, named explicitly, with every transport and no clients. */
@Hub(value = "/hubs/quiet", name = "quiet")
public class QuietHub {

    public void nothing() {
    }
}
