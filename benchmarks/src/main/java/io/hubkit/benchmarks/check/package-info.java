/**
 * The check mode: the same scenario, at a size where nothing saturates, measured by the HubKit load
 * client and by the official JavaScript SignalR client (in Node, from the js-clients module), so the
 * report shows that the load client counts and times what a real client sees.
 */
package io.hubkit.benchmarks.check;
