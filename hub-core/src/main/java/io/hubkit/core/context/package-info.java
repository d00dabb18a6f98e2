/**
 * What hub code touches: the caller's context, the client proxies ({@code all()}, {@code group(…)},
 * {@code user(…)}, …), group management, and {@link io.hubkit.core.context.HubContext} for sending
 * from outside a hub. Every send returns a {@code Mono} that completes when the message has been
 * handed to the backplane; nothing happens until it is subscribed.
 */
package io.hubkit.core.context;
