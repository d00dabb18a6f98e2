package io.hubkit.spring.actuate;

import java.util.List;

/**
 * Every hub of the application, as the {@code hubs} endpoint shows them. Immutable.
 *
 * @param hubs the hubs in registration order
 */
public record HubsDescriptor(List<HubDescriptor> hubs) {

    public HubsDescriptor {
        hubs = List.copyOf(hubs);
    }
}
