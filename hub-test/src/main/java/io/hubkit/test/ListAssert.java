package io.hubkit.test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assertions on the values of a stream, in the order the hub sent them. Failures throw
 * {@link AssertionError}. Immutable.
 *
 * @param <T> the type the values were bound to
 */
public final class ListAssert<T> {

    private final String description;
    private final List<T> values;

    ListAssert(String description, List<T> values) {
        this.description = description;
        this.values = List.copyOf(values);
    }

    /** Checks the values are exactly {@code expected}, in order. */
    @SafeVarargs
    public final ListAssert<T> containsExactly(T... expected) {
        if (!values.equals(Arrays.asList(expected))) {
            throw new AssertionError(description + ": expected " + Arrays.toString(expected) + " but was " + values);
        }
        return this;
    }

    /** Checks there are {@code size} values. */
    public ListAssert<T> hasSize(int size) {
        if (values.size() != size) {
            throw new AssertionError(description + ": expected " + size + " values but got " + values.size() + ": "
                    + values);
        }
        return this;
    }

    /** Checks there are no values. */
    public ListAssert<T> isEmpty() {
        return hasSize(0);
    }

    /** Runs {@code requirements} (e.g. AssertJ assertions) on the values. */
    public ListAssert<T> satisfies(Consumer<? super List<T>> requirements) {
        requirements.accept(values);
        return this;
    }

    /** The values, for further checks (unmodifiable). */
    public List<T> values() {
        return values;
    }
}
