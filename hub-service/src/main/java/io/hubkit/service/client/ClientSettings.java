package io.hubkit.service.client;

import java.time.Duration;

/**
 * The bounds of one tunnelled client. Immutable.
 *
 * @param maxHandshakeSize      largest handshake request accepted
 * @param maxServerMessageSize  largest message (reassembled from partial pieces) accepted from the app server
 * @param handshakeTimeout      how long the client may take to send its handshake
 */
record ClientSettings(int maxHandshakeSize, int maxServerMessageSize, Duration handshakeTimeout) {
}
