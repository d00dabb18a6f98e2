/**
 * The interop test server: the application, its listeners and the lines it prints when ready.
 * Hubs are in {@code hubs}, the HTTP endpoints and filters of the test contract in {@code web}, JWT
 * bearer authentication in {@code security}.
 */
package io.hubkit.samples.interop;
