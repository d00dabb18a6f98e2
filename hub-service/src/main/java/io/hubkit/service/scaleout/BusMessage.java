package io.hubkit.service.scaleout;

import io.hubkit.service.routing.RoutingOperation;
import io.hubkit.service.routing.RoutingQuery;
import java.util.Objects;

/**
 * What service instances say to each other over Redis: an operation to apply, an existence question,
 * or the answer to one. Each names the instance that sent it, so an instance can skip its own
 * traffic. Immutable.
 */
sealed interface BusMessage {

    /** The sending instance's id. */
    String origin();

    /** An operation every other instance applies. */
    record Operation(String origin, RoutingOperation operation) implements BusMessage {
        public Operation {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** A question every other instance answers on the asker's reply channel. */
    record Question(String origin, long questionId, RoutingQuery query) implements BusMessage {
        public Question {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(query, "query");
        }
    }

    /** One instance's answer to question {@code questionId} of the instance it is sent to. */
    record Answer(String origin, long questionId, boolean answer) implements BusMessage {
        public Answer {
            Objects.requireNonNull(origin, "origin");
        }
    }
}
