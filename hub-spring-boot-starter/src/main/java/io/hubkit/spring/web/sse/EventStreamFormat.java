package io.hubkit.spring.web.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Formats payloads as Server-Sent Events the way the official server does: each line of the
 * payload (split on {@code \n}, a trailing {@code \r} removed) becomes {@code data: <line>\r\n},
 * and a blank line {@code \r\n} ends the event. The EventSource joins the lines with {@code \n}
 * again, so the client receives the payload as it was (minus carriage returns before line
 * feeds). Stateless.
 */
final class EventStreamFormat {

    /** The comment sent first, so that the client sees the stream open at once. */
    static final byte[] PRIMING = ":\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private EventStreamFormat() {
    }

    /** One event carrying {@code payload}; the buffer's position is not moved. */
    static byte[] event(ByteBuffer payload) {
        ByteBuffer data = payload.duplicate();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.remaining() + 16);
        int start = data.position();
        int end = data.limit();
        int lineStart = start;
        for (int i = start; i <= end; i++) {
            boolean lineEnds = i == end || data.get(i) == '\n';
            if (!lineEnds) {
                continue;
            }
            if (i == end && lineStart == end && end > start) {
                break; // the payload ended with a line feed: no empty line after it
            }
            int lineEnd = i;
            if (lineEnd > lineStart && data.get(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            out.writeBytes(DATA);
            for (int j = lineStart; j < lineEnd; j++) {
                out.write(data.get(j));
            }
            out.writeBytes(CRLF);
            lineStart = i + 1;
        }
        out.writeBytes(CRLF);
        return out.toByteArray();
    }
}
