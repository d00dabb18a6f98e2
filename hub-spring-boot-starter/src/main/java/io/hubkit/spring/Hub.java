package io.hubkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Declares a Spring bean as a hub and maps it to a URL path. The starter exposes
 * {@code POST {path}/negotiate} and the transports on {@code {path}}; the official SignalR clients
 * connect to {@code {path}} unchanged. Paths are matched case-insensitively and must be unique
 * across hubs, as must hub names.
 *
 * <p>Which transports the hub offers is the intersection of {@link #transports()} (all when
 * empty) and the server-wide {@code hubkit.transports}; {@code hubkit.endpoints.<name>.transports}
 * replaces the annotation's list when set.
 *
 * <p>The bean is a singleton shared by every connection, so hub methods run concurrently for
 * different connections and must be thread-safe. Public methods are callable by clients (see the
 * runtime's rules in {@code io.hubkit.core}); {@code HubContext<ThisHub>} can be injected anywhere to
 * send to the hub's clients from outside it.
 *
 * <pre>{@code
 * @Hub("/hubs/chat")
 * public class ChatHub {
 *     public String echo(String text) { return text; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
public @interface Hub {

    /** The hub's URL path, for example {@code /hubs/chat}; alias of {@link #path()}. */
    @AliasFor("path")
    String value() default "";

    /** The hub's URL path, for example {@code /hubs/chat}; alias of {@link #value()}. */
    @AliasFor("value")
    String path() default "";

    /** The hub's name (used by backplanes to route between servers); defaults to the class's simple name. */
    String name() default "";

    /**
     * The transports clients may use for this hub; empty (the default) means every transport the
     * server offers. A transport left out is neither advertised by negotiate nor accepted.
     */
    TransportType[] transports() default {};
}
