package io.hubkit.service.serverless;

import io.hubkit.core.protocol.HubMessage;
import java.util.Objects;

/**
 * One hub message a serverless client sent: the parsed message (arguments left unbound) and the
 * record's bytes exactly as the client encoded them, without framing — what an upstream receives.
 * Immutable; the array is not copied.
 */
record ClientRecord(HubMessage message, byte[] unframed) {

    ClientRecord {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(unframed, "unframed");
    }
}
