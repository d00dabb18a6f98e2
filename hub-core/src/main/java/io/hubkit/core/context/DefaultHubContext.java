package io.hubkit.core.context;

import java.util.Objects;

/** The {@link HubContext} of one hub: its clients and groups, usable from any thread. Immutable. */
public final class DefaultHubContext<H> implements HubContext<H> {

    private final HubClients clients;
    private final GroupManager groups;

    public DefaultHubContext(HubClients clients, GroupManager groups) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    @Override
    public HubClients clients() {
        return clients;
    }

    @Override
    public GroupManager groups() {
        return groups;
    }
}
