package io.hubkit.core.context;

import java.util.Collection;
import java.util.List;

/** Selects clients of one hub, on this server and (through the backplane) on every other. */
public interface HubClients {

    ClientProxy all();

    ClientProxy allExcept(Collection<String> excludedConnectionIds);

    default ClientProxy allExcept(String... excludedConnectionIds) {
        return allExcept(List.of(excludedConnectionIds));
    }

    SingleClientProxy client(String connectionId);

    ClientProxy clients(Collection<String> connectionIds);

    default ClientProxy clients(String... connectionIds) {
        return clients(List.of(connectionIds));
    }

    ClientProxy group(String groupName);

    ClientProxy groups(Collection<String> groupNames);

    default ClientProxy groups(String... groupNames) {
        return groups(List.of(groupNames));
    }

    ClientProxy groupExcept(String groupName, Collection<String> excludedConnectionIds);

    default ClientProxy groupExcept(String groupName, String... excludedConnectionIds) {
        return groupExcept(groupName, List.of(excludedConnectionIds));
    }

    /** Every connection whose user id (see the user-id provider) equals {@code userId}. */
    ClientProxy user(String userId);

    ClientProxy users(Collection<String> userIds);

    default ClientProxy users(String... userIds) {
        return users(List.of(userIds));
    }
}
