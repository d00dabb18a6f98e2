/**
 * Graceful shutdown of the hubs: when the application context closes, negotiations are refused,
 * running hub invocations get the time {@code spring.lifecycle.timeout-per-shutdown-phase} allows
 * to answer, then every client receives a Close that allows reconnecting (to another instance, in a
 * rolling deployment) before its transport is closed.
 */
package io.hubkit.spring.shutdown;
