/** The memory and connection figures every Java server under test reports on {@code GET /bench/stats}. */
package io.hubkit.benchmarks.apps.stats;
