/**
 * The ceiling: a bare Reactor Netty WebSocket server that moves the same payload bytes as the hub
 * scenarios with no hub protocol at all — no framing, no JSON, no routing layer beyond a set of
 * channels. Whatever HubKit does above this costs something; the report's ratio to this server is
 * that cost.
 */
package io.hubkit.benchmarks.apps.netty;
