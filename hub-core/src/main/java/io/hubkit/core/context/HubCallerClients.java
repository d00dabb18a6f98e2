package io.hubkit.core.context;

/** {@link HubClients} seen from inside an invocation: adds the caller and everyone but the caller. */
public interface HubCallerClients extends HubClients {

    /** The connection that made the current call. */
    SingleClientProxy caller();

    /** Every connection of the hub except the caller. */
    ClientProxy others();

    /** Every member of {@code groupName} except the caller. */
    ClientProxy othersInGroup(String groupName);
}
