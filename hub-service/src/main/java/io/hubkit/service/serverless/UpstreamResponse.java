package io.hubkit.service.serverless;

/**
 * What an upstream answered: its status and body (empty when it sent none). Immutable; the array
 * is not copied.
 */
public record UpstreamResponse(int status, byte[] body) {

    /** Whether the status is one an upstream is expected to answer: 200 or 204. */
    public boolean isExpected() {
        return status == 200 || status == 204;
    }
}
