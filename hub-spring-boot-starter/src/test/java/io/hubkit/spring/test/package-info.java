/**
 * Test support shared by the starter's tests: the harness that runs the official JS client in Node,
 * and plain HTTP requests for transport-level checks.
 */
package io.hubkit.spring.test;
