/** Tests of the limit filters: a token bucket on a fake clock, and the limits seen by the official JS client. */
package io.hubkit.spring.limits;
