package io.hubkit.service.routing;

import java.util.Objects;

/**
 * One existence question the routing core answers, as a value a {@link ServiceBus} can carry to the
 * other instances. The service-wide answer is true when any instance answers true. Immutable.
 */
public sealed interface RoutingQuery {

    /** The hub key the question is about. */
    String hub();

    /** Whether a connection with this id is connected. */
    record ConnectionExists(String hub, String connectionId) implements RoutingQuery {
        public ConnectionExists {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(connectionId, "connectionId");
        }
    }

    /** Whether the user has at least one connection. */
    record UserExists(String hub, String userId) implements RoutingQuery {
        public UserExists {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** Whether the group has at least one member connection (directly or through a member user). */
    record GroupExists(String hub, String group) implements RoutingQuery {
        public GroupExists {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(group, "group");
        }
    }

    /** Whether the user is in the group: added as a user (not expired), or one of its connections is a member. */
    record UserInGroup(String hub, String userId, String group) implements RoutingQuery {
        public UserInGroup {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(group, "group");
        }
    }
}
