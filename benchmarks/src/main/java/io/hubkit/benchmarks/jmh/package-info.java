/**
 * JMH micro-benchmarks of HubKit's hot paths, run with {@code java -jar benchmarks.jar jmh}: parsing
 * and writing every message type in both hub protocols, serialize-once fan-out of one message to N
 * connections (against encoding it once per connection), and dispatch of one invocation from its
 * bytes to its Completion. Connections here run on an in-memory transport that only counts bytes,
 * so the figures are the runtime's own cost without sockets.
 */
package io.hubkit.benchmarks.jmh;
