package io.hubkit.backplane.service.protocol;

/** The type ids of the service protocol's messages (the first element of every message array). */
public final class ServiceMessageType {

    public static final int HANDSHAKE_REQUEST = 1;
    public static final int HANDSHAKE_RESPONSE = 2;
    public static final int PING = 3;
    public static final int OPEN_CONNECTION = 4;
    public static final int CLOSE_CONNECTION = 5;
    public static final int CONNECTION_DATA = 6;
    public static final int MULTI_CONNECTION_DATA = 7;
    public static final int USER_DATA = 8;
    public static final int MULTI_USER_DATA = 9;
    public static final int BROADCAST_DATA = 10;
    public static final int JOIN_GROUP = 11;
    public static final int LEAVE_GROUP = 12;
    public static final int GROUP_BROADCAST_DATA = 13;
    public static final int MULTI_GROUP_BROADCAST_DATA = 14;
    public static final int SERVICE_ERROR = 15;
    public static final int USER_JOIN_GROUP = 16;
    public static final int USER_LEAVE_GROUP = 17;
    public static final int JOIN_GROUP_WITH_ACK = 18;
    public static final int LEAVE_GROUP_WITH_ACK = 19;
    public static final int ACK = 20;
    public static final int CHECK_USER_IN_GROUP_WITH_ACK = 21;
    public static final int SERVICE_EVENT = 22;
    public static final int CHECK_GROUP_EXISTENCE_WITH_ACK = 23;
    public static final int CHECK_CONNECTION_EXISTENCE_WITH_ACK = 24;
    public static final int CHECK_USER_EXISTENCE_WITH_ACK = 25;
    public static final int USER_JOIN_GROUP_WITH_ACK = 26;
    public static final int USER_LEAVE_GROUP_WITH_ACK = 27;
    public static final int ACCESS_KEY_REQUEST = 28;
    public static final int ACCESS_KEY_RESPONSE = 29;
    public static final int CLOSE_CONNECTION_WITH_ACK = 30;
    public static final int CLOSE_CONNECTIONS_WITH_ACK = 31;
    public static final int CLOSE_USER_CONNECTIONS_WITH_ACK = 32;
    public static final int CLOSE_GROUP_CONNECTIONS_WITH_ACK = 33;
    public static final int CLIENT_INVOCATION = 34;
    public static final int CLIENT_COMPLETION = 35;
    public static final int ERROR_COMPLETION = 36;
    public static final int SERVICE_MAPPING = 37;
    public static final int CONNECTION_RECONNECT = 38;
    public static final int CONNECTION_FLOW_CONTROL = 39;
    public static final int GROUP_MEMBER_QUERY = 40;

    private ServiceMessageType() {
    }
}
