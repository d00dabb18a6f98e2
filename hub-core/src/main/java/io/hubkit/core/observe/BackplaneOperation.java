package io.hubkit.core.observe;

import java.util.Locale;

/** The backplane calls a {@link HubObserver} times: each kind of send and each group change. */
public enum BackplaneOperation {

    SEND_ALL,
    SEND_ALL_EXCEPT,
    SEND_CONNECTION,
    SEND_CONNECTIONS,
    SEND_GROUP,
    SEND_GROUPS,
    SEND_GROUP_EXCEPT,
    SEND_USER,
    SEND_USERS,
    ADD_TO_GROUP,
    REMOVE_FROM_GROUP;

    /** The operation as a lower-case tag value, e.g. {@code send_group}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
