package io.hubkit.test;

/**
 * Assertions on the error text a hub answered with (as a client sees it, e.g. {@code "An unexpected
 * error occurred invoking 'send' on the server. HubException: Room is full"}). Failures throw
 * {@link AssertionError}. Immutable.
 */
public final class ErrorAssert {

    private final String description;
    private final String message;

    ErrorAssert(String description, String message) {
        this.description = description;
        this.message = message;
    }

    /** Checks the error text is exactly {@code expected}. */
    public ErrorAssert isEqualTo(String expected) {
        if (!expected.equals(message)) {
            throw new AssertionError(description + ": expected the error <" + expected + "> but was <" + message + ">");
        }
        return this;
    }

    /** Checks the error text contains {@code part}. */
    public ErrorAssert contains(String part) {
        if (!message.contains(part)) {
            throw new AssertionError(description + ": expected an error containing <" + part + "> but was <"
                    + message + ">");
        }
        return this;
    }

    /** The error text. */
    public String message() {
        return message;
    }
}
