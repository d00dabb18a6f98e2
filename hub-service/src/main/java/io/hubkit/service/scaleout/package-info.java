/**
 * Scale-out of the hub service over Redis: several instances sharing one Redis act as one service.
 * {@link io.hubkit.service.scaleout.RedisServiceBus} implements the routing core's
 * {@link io.hubkit.service.routing.ServiceBus} on backplane-redis's connections (pub/sub channels
 * {@code {prefix}hubkit-service:ops}, {@code :questions}, {@code :answers:{instance}}); it is switched on
 * by {@code hubkit.service.scale-out.redis.uri} ({@link io.hubkit.service.scaleout.ScaleOutProperties}).
 */
package io.hubkit.service.scaleout;
