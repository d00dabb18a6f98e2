/**
 * The load client: many WebSocket connections on Reactor Netty from one process, each speaking one
 * server's wire protocol itself — the SignalR hub protocol through hub-core's own protocol classes
 * (JSON and MessagePack), STOMP 1.2, Engine.IO 4 / socket.io 5, or the bare payload. Every message a
 * scenario sends carries its send time ({@link io.hubkit.benchmarks.load.Payloads}); every
 * delivery is reported to a {@link io.hubkit.benchmarks.load.LoadListener} with it.
 *
 * <p>Threading: inbound frames are handled on the client's event loops (two threads); sends may
 * come from any thread and are handed to the connection's event loop by Netty.
 */
package io.hubkit.benchmarks.load;
