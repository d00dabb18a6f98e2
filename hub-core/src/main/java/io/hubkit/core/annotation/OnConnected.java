package io.hubkit.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the hub method called once a client has completed the handshake, before any of its
 * invocations. It may take the same injectable parameters as a hub method
 * ({@code HubCallerContext}, {@code HubCallerClients}, {@code GroupManager}, {@code Principal}) and
 * may return {@code void}, {@code Mono<?>} or {@code CompletionStage<?>}. A failure closes the
 * connection without reconnect.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnected {
}
