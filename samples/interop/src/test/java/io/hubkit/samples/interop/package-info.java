/**
 * Tests of the interop server: the official JS client's functional-test scenarios, the official Java
 * client, stateful reconnect through a socket-cutting proxy, and the listening-URL lines.
 */
package io.hubkit.samples.interop;
