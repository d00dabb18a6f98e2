/** Tests of the hub metrics: the official JS client's traffic, read back from a SimpleMeterRegistry. */
package io.hubkit.spring.metrics;
