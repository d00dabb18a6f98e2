package io.hubkit.service.routing;

import java.time.Duration;

/**
 * The bounds of the routing core's state. Operations beyond a bound are refused (joins) or evict
 * the oldest entry (user memberships), never grow memory without limit. Immutable.
 *
 * @param maxGroupNameLength        longest group name accepted (Azure: 1024)
 * @param maxGroupsPerConnection    groups one connection may be in
 * @param maxGroupsPerUser          user-group memberships kept per user; adding one more evicts the oldest
 * @param maxPermanentGroupsPerUser of those, memberships without a TTL kept per user (Azure: 100)
 * @param longestUserMembership     the lifetime of a user membership without a TTL (Azure: a year)
 * @param clientInvocationTimeout   how long the service waits for a client's answer to an invocation
 *                                  started by another server before answering it with an error (Azure: 10 minutes)
 * @param maxPendingInvocations     client invocations awaiting an answer per instance; more are refused
 * @param maxMemberUsers            users with group memberships per hub; memberships of further users are refused
 */
public record RoutingLimits(int maxGroupNameLength, int maxGroupsPerConnection, int maxGroupsPerUser,
                            int maxPermanentGroupsPerUser, Duration longestUserMembership,
                            Duration clientInvocationTimeout, int maxPendingInvocations, int maxMemberUsers) {

    /** Azure SignalR Service's documented values where it has them, generous bounds elsewhere. */
    public static final RoutingLimits DEFAULTS = new RoutingLimits(1024, 1000, 1000, 100, Duration.ofDays(365),
            Duration.ofMinutes(10), 100_000, 1_000_000);

    public RoutingLimits {
        if (maxGroupNameLength <= 0 || maxGroupsPerConnection <= 0 || maxGroupsPerUser <= 0
                || maxPermanentGroupsPerUser <= 0 || maxPendingInvocations <= 0 || maxMemberUsers <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (longestUserMembership.isNegative() || longestUserMembership.isZero()
                || clientInvocationTimeout.isNegative() || clientInvocationTimeout.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** Whether {@code group} is a name the service accepts: 1 to {@link #maxGroupNameLength} characters, not all blank. */
    public boolean isValidGroup(String group) {
        return group != null && !group.isBlank() && group.length() <= maxGroupNameLength;
    }
}
