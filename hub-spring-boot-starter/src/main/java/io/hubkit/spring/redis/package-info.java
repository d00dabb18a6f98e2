/**
 * The Redis backplane in a Spring Boot application: {@code hubkit.backplane.type: redis} plus
 * {@code hubkit.backplane.redis.*} makes every hub of the application share its connections with
 * the other app servers on the same Redis (needs {@code io.hubkit:backplane-redis} on the class
 * path), and, with Actuator, adds a {@code redisBackplane} health indicator.
 */
package io.hubkit.spring.redis;
