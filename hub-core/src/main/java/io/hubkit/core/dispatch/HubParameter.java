package io.hubkit.core.dispatch;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.Principal;
import reactor.core.publisher.Flux;

/**
 * Where one hub method parameter's value comes from, decided once at discovery.
 *
 * @param source where the value comes from
 * @param type   the wire type ({@link Source#WIRE}), the element type ({@link Source#UPLOAD_STREAM}),
 *               or the declared type otherwise
 */
record HubParameter(Source source, Type type) {

    /** The sources of parameter values. */
    enum Source {
        /** Bound from the invocation's arguments. */
        WIRE,
        /** A {@code Flux<T>} fed by a client-to-server stream. */
        UPLOAD_STREAM,
        /** The caller's {@link HubCallerContext}. */
        CALLER_CONTEXT,
        /** The caller's {@link HubCallerClients} (also for a {@code HubClients} parameter). */
        CALLER_CLIENTS,
        /** The hub's {@link GroupManager}. */
        GROUPS,
        /** The connection's principal, or {@code null}. */
        PRINCIPAL,
        /** The error that ended the connection (disconnected callbacks only). */
        ERROR
    }

    static HubParameter of(Parameter parameter, boolean lifecycle) {
        Class<?> raw = parameter.getType();
        if (raw == HubCallerContext.class) {
            return new HubParameter(Source.CALLER_CONTEXT, raw);
        }
        if (raw.isAssignableFrom(HubCallerClients.class) && raw != Object.class) {
            return new HubParameter(Source.CALLER_CLIENTS, raw);
        }
        if (raw == GroupManager.class) {
            return new HubParameter(Source.GROUPS, raw);
        }
        if (Principal.class.isAssignableFrom(raw)) {
            return new HubParameter(Source.PRINCIPAL, raw);
        }
        if (lifecycle && raw == Throwable.class) {
            return new HubParameter(Source.ERROR, raw);
        }
        if (raw == Flux.class) {
            return new HubParameter(Source.UPLOAD_STREAM, elementType(parameter.getParameterizedType()));
        }
        return new HubParameter(Source.WIRE, parameter.getParameterizedType());
    }

    private static Type elementType(Type fluxType) {
        if (fluxType instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element instanceof Class<?> || element instanceof ParameterizedType) {
                return element;
            }
        }
        return Object.class;
    }
}
