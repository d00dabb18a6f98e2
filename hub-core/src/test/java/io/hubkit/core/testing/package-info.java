/**
 * Test support shipped in hub-core's test-jar: an in-memory {@link io.hubkit.core.testing.InMemoryTransport}
 * that records what the runtime writes, and a {@link io.hubkit.core.testing.WireClient} that speaks
 * the hub protocol to a {@link io.hubkit.core.connection.HubConnectionHandler} with the real
 * protocols' bytes. No socket, no mock of the wire.
 */
package io.hubkit.core.testing;
