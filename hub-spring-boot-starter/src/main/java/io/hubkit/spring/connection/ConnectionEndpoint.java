package io.hubkit.spring.connection;

import io.hubkit.spring.TransportType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Declares a {@link ConnectionHandler} bean as a raw connection endpoint mapped to a URL path: the
 * starter serves {@code POST {path}/negotiate} and the transports on {@code {path}} exactly as for a
 * hub, but hands each connection's bytes to the handler instead of the hub protocol. Paths share
 * one namespace with hubs (case-insensitive, unique), as do names.
 *
 * <pre>{@code
 * @ConnectionEndpoint("/echo")
 * public class EchoHandler implements ConnectionHandler {
 *     public Mono<Void> onConnected(RawConnection connection) {
 *         return connection.receive().concatMap(bytes -> connection.send(bytes, TransferFormat.TEXT)).then();
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
public @interface ConnectionEndpoint {

    /** The endpoint's URL path; alias of {@link #path()}. */
    @AliasFor("path")
    String value() default "";

    /** The endpoint's URL path; alias of {@link #value()}. */
    @AliasFor("value")
    String path() default "";

    /** The endpoint's name (for configuration under {@code hubkit.endpoints.<name>}); defaults to the class's simple name. */
    String name() default "";

    /** The transports clients may use; empty (the default) means every transport the server offers. */
    TransportType[] transports() default {};
}
