package io.hubkit.test;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Assertions on one value a hub produced (a result, a stream item, an argument). Failures throw
 * {@link AssertionError}. Immutable.
 *
 * @param <T> the type the value was bound to
 */
public final class ValueAssert<T> {

    private final String description;
    private final T value;

    ValueAssert(String description, T value) {
        this.description = description;
        this.value = value;
    }

    /** Checks the value equals {@code expected} ({@link Objects#equals}). */
    public ValueAssert<T> isEqualTo(Object expected) {
        if (!Objects.equals(value, expected)) {
            throw new AssertionError(description + ": expected <" + expected + "> but was <" + value + ">");
        }
        return this;
    }

    /** Checks the value is {@code null} (JSON {@code null}, or no value at all). */
    public ValueAssert<T> isNull() {
        return isEqualTo(null);
    }

    /** Checks the value is not {@code null}. */
    public ValueAssert<T> isNotNull() {
        if (value == null) {
            throw new AssertionError(description + ": expected a value but was null");
        }
        return this;
    }

    /** Checks {@code condition} holds for the value; {@code what} describes it in the failure. */
    public ValueAssert<T> matches(Predicate<? super T> condition, String what) {
        if (!condition.test(value)) {
            throw new AssertionError(description + ": expected " + what + " but was <" + value + ">");
        }
        return this;
    }

    /** Runs {@code requirements} (e.g. AssertJ assertions) on the value. */
    public ValueAssert<T> satisfies(Consumer<? super T> requirements) {
        requirements.accept(value);
        return this;
    }

    /** The value, for further checks. */
    public T value() {
        return value;
    }
}
