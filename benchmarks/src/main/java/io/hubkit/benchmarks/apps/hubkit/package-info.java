/**
 * The HubKit server under test: a minimal Spring Boot app with one benchmark hub on
 * {@code /hubs/bench} and the stats endpoint {@code GET /bench/stats}. Started as its own process
 * by the load tool.
 */
package io.hubkit.benchmarks.apps.hubkit;
