package io.hubkit.backplane.redis;

/**
 * What a {@link GroupCommand} asks the owning server to do. The numeric codes are part of the wire
 * protocol shared with ASP.NET Core ({@code 0} is deliberately unused).
 */
public enum GroupAction {

    ADD(1),
    REMOVE(2);

    private final int code;

    GroupAction(int code) {
        this.code = code;
    }

    /** The value written on the wire. */
    public int code() {
        return code;
    }

    /** The action with wire code {@code code}. */
    public static GroupAction fromCode(int code) {
        for (GroupAction action : values()) {
            if (action.code == code) {
                return action;
            }
        }
        throw new RedisProtocolException("Unknown group action " + code + ".");
    }
}
