package io.hubkit.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the hub method called once a connection has ended: it no longer receives messages, and it
 * is removed from the backplane (its groups, its user) right after this method completes. Besides the injectable parameters of
 * {@link OnConnected} it may take a {@code Throwable}: the error that ended the connection, or
 * {@code null} for a normal close.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnected {
}
