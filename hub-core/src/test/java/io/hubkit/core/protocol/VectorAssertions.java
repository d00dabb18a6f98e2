package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Comparisons shared by the vector tests. */
final class VectorAssertions {

    private VectorAssertions() {
    }

    /** Equal messages, with headers in the same (wire) order. */
    static void assertSameMessage(HubMessage actual, HubMessage expected) {
        assertThat(actual).isEqualTo(expected);
        if (expected instanceof HubInvocationMessage e && actual instanceof HubInvocationMessage a) {
            assertThat(List.copyOf(a.headers().keySet())).as("header order").isEqualTo(List.copyOf(e.headers().keySet()));
        }
    }

    /** A binding failure for {@code target}/{@code invocationId}, with {@code error} as its text unless that is null. */
    static void assertBindingFailure(HubMessage actual, String invocationId, String target, boolean streaming, String error) {
        assertThat(actual).isInstanceOf(InvocationBindingFailureMessage.class);
        InvocationBindingFailureMessage failure = (InvocationBindingFailureMessage) actual;
        assertThat(failure.invocationId()).isEqualTo(invocationId);
        assertThat(failure.target()).isEqualTo(target);
        assertThat(failure.streaming()).isEqualTo(streaming);
        if (error != null) {
            assertThat(failure.failure()).hasMessage(error);
        }
    }
}
