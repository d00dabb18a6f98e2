package io.hubkit.test;

import io.hubkit.core.protocol.InvocationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A client method call the hub sent to the connection ({@code clients.caller().send("message", …)}),
 * with its arguments kept as JSON until bound. Immutable.
 */
public final class ReceivedInvocation {

    private final InvocationMessage invocation;
    private final Payloads payloads;

    ReceivedInvocation(InvocationMessage invocation, Payloads payloads) {
        this.invocation = invocation;
        this.payloads = payloads;
    }

    /** The client method's name as the hub sent it. */
    public String method() {
        return invocation.target();
    }

    /** How many arguments the hub sent. */
    public int argumentCount() {
        return invocation.arguments().size();
    }

    /** Argument {@code index} bound to {@code type}. */
    public <T> T argument(int index, Class<T> type) {
        if (index < 0 || index >= argumentCount()) {
            throw new AssertionError(what() + " has " + argumentCount() + " argument(s), no argument " + index);
        }
        return payloads.bind(invocation.arguments().get(index), type, what() + " argument " + index);
    }

    /** Assertions on argument {@code index} bound to {@code type}. */
    public <T> ValueAssert<T> expectArgument(int index, Class<T> type) {
        return new ValueAssert<>(what() + " argument " + index, argument(index, type));
    }

    /**
     * Checks the arguments are exactly {@code expected}, compared as JSON (each expected value is
     * serialized with the payload mapper, so a record, a map or a list compares by content).
     */
    public ReceivedInvocation hasArguments(Object... expected) {
        List<Object> actual = invocation.arguments();
        boolean same = actual.size() == expected.length;
        for (int i = 0; same && i < expected.length; i++) {
            same = payloads.sameJson(actual.get(i), expected[i]);
        }
        if (!same) {
            List<Object> wanted = new ArrayList<>();
            for (Object value : expected) {
                wanted.add(payloads.mapper().valueToTree(value));
            }
            throw new AssertionError(what() + ": expected the arguments " + wanted + " but got " + actual);
        }
        return this;
    }

    private String what() {
        return "invocation of '" + invocation.target() + "'";
    }
}
