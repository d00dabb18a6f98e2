package io.hubkit.spring.security;

import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubLifetimeContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Closes a connection when the token it authenticated with expires
 * ({@code hubkit.close-on-authentication-expiration=true}, as ASP.NET Core's
 * {@code CloseOnAuthenticationExpiration}). On connect, a connection whose authentication has an
 * {@linkplain AuthenticationExpirations expiry} gets a timer on {@code scheduler}; when it fires the
 * connection is {@linkplain HubCallerContext#abort() aborted} (the client sees a close without
 * reconnect and has to connect again with a fresh token). A connection whose token has already
 * expired is aborted right after connecting. The timer is cancelled when the connection ends.
 * Connections without an expiring authentication are left alone. Thread-safe.
 */
public final class AuthenticationExpirationFilter implements HubFilter {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationExpirationFilter.class);
    private static final Object TIMER = new Object();

    private final Scheduler scheduler;
    private final Clock clock;

    public AuthenticationExpirationFilter(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public Mono<Void> onConnected(HubLifetimeContext context, LifetimeNext next) {
        HubCallerContext connection = context.context();
        Instant expiresAt = AuthenticationExpirations.expiresAt(connection.user());
        if (expiresAt == null) {
            return next.invoke(context);
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        Disposable timer = Mono.delay(left.isNegative() ? Duration.ZERO : left, scheduler)
                .subscribe(tick -> {
                    log.debug("Closing connection {}: its authentication expired at {}",
                            connection.connectionId(), expiresAt);
                    connection.abort();
                });
        connection.items().put(TIMER, timer);
        return next.invoke(context);
    }

    @Override
    public Mono<Void> onDisconnected(HubLifetimeContext context, Throwable error, DisconnectedNext next) {
        if (context.context().items().remove(TIMER) instanceof Disposable timer) {
            timer.dispose();
        }
        return next.invoke(context, error);
    }
}
