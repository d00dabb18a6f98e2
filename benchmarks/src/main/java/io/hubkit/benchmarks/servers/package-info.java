/**
 * The servers under test, each started as its own operating-system process on a free loopback
 * port, waited for, measured through {@code GET /bench/stats} and stopped again.
 */
package io.hubkit.benchmarks.servers;
