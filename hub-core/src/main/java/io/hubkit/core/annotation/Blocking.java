package io.hubkit.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a hub class or method: the method blocks (JDBC, a blocking HTTP client, sleeps), so it runs
 * on the runtime's bounded blocking scheduler instead of the connection's I/O thread.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Blocking {
}
