/** Tests of the graceful shutdown: a rolling deployment of two instances, with the official JS client. */
package io.hubkit.spring.shutdown;
