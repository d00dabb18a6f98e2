package io.hubkit.core.context;

/**
 * Sends to a hub's clients from outside the hub (a controller, a scheduled job). One per hub; the
 * type parameter names the hub so that an application can inject {@code HubContext<ChatHub>}.
 * Thread-safe.
 */
public interface HubContext<H> {

    HubClients clients();

    GroupManager groups();
}
