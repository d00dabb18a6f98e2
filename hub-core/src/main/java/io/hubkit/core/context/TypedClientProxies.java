package io.hubkit.core.context;

import io.hubkit.core.annotation.ClientMethod;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Strongly typed client proxies ({@link ClientProxy#as}) built with {@link Proxy}. Each interface
 * method sends the client method of its name (or its {@link ClientMethod} name) with its arguments:
 * <ul>
 *   <li>{@code void}: sends at once (fire and forget; a failure is logged);</li>
 *   <li>{@code Mono<Void>}: a lazy send (so is {@code Mono<?>} on a set of clients);</li>
 *   <li>on a single client only, {@code Mono<T>} (and {@code Mono<?>}): a client result bound to
 *       {@code T}; any other return type {@code T}: a client result awaited by blocking (never on
 *       an event loop).</li>
 * </ul>
 * An interface that does not fit is rejected when the proxy is created. Interfaces are analysed
 * once and cached; proxies are thread-safe.
 */
final class TypedClientProxies {

    private static final Logger log = LoggerFactory.getLogger(TypedClientProxies.class);

    private enum Kind { FIRE_AND_FORGET, LAZY_SEND, RESULT, BLOCKING_RESULT }

    private record Plan(String clientMethod, Kind kind, Type resultType) {
    }

    private static final ClassValue<Map<Method, Plan>> GROUP_PLANS = new ClassValue<>() {
        @Override
        protected Map<Method, Plan> computeValue(Class<?> type) {
            return plans(type, false);
        }
    };

    private static final ClassValue<Map<Method, Plan>> SINGLE_PLANS = new ClassValue<>() {
        @Override
        protected Map<Method, Plan> computeValue(Class<?> type) {
            return plans(type, true);
        }
    };

    private TypedClientProxies() {
    }

    /** A proxy of {@code clientInterface} sending through {@code clients}; {@code single} is non-null for one client. */
    static <T> T create(Class<T> clientInterface, ClientProxy clients, SingleClientProxy single) {
        if (!clientInterface.isInterface()) {
            throw new IllegalArgumentException(clientInterface.getName() + " is not an interface");
        }
        Map<Method, Plan> plans = (single != null ? SINGLE_PLANS : GROUP_PLANS).get(clientInterface);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, clientInterface);
            }
            Plan plan = plans.get(method);
            Object[] arguments = args == null ? new Object[0] : args;
            switch (plan.kind()) {
                case FIRE_AND_FORGET -> {
                    clients.send(plan.clientMethod(), arguments).subscribe(null,
                            e -> log.warn("Sending '{}' failed", plan.clientMethod(), e));
                    return null;
                }
                case LAZY_SEND -> {
                    return clients.send(plan.clientMethod(), arguments);
                }
                case RESULT -> {
                    return single.invoke(plan.resultType(), plan.clientMethod(), arguments);
                }
                default -> {
                    return single.invoke(plan.resultType(), plan.clientMethod(), arguments).block();
                }
            }
        };
        return clientInterface.cast(Proxy.newProxyInstance(clientInterface.getClassLoader(),
                new Class<?>[] {clientInterface}, handler));
    }

    private static Map<Method, Plan> plans(Class<?> type, boolean single) {
        Map<Method, Plan> plans = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (method.isDefault()) {
                throw new IllegalArgumentException("Client interface " + type.getName()
                        + " has a default method, which a client proxy cannot run: " + method.getName());
            }
            ClientMethod rename = method.getAnnotation(ClientMethod.class);
            String name = rename != null ? rename.value() : method.getName();
            plans.put(method, plan(type, method, name, single));
        }
        return Map.copyOf(plans);
    }

    private static Plan plan(Class<?> type, Method method, String name, boolean single) {
        Class<?> returns = method.getReturnType();
        if (returns == void.class) {
            return new Plan(name, Kind.FIRE_AND_FORGET, null);
        }
        if (returns == Mono.class) {
            Type element = monoElement(method.getGenericReturnType());
            if (element == Void.class || element == Object.class) {
                return new Plan(name, element == Object.class && single ? Kind.RESULT : Kind.LAZY_SEND, element);
            }
            if (single) {
                return new Plan(name, Kind.RESULT, element);
            }
        } else if (single) {
            Type result = returns.isPrimitive() ? MethodType.methodType(returns).wrap().returnType()
                    : method.getGenericReturnType();
            return new Plan(name, Kind.BLOCKING_RESULT, result);
        }
        throw new IllegalArgumentException("Method " + method.getName() + " of client interface " + type.getName()
                + " must return void or Mono<Void>: only a single client can return results");
    }

    private static Type monoElement(Type monoType) {
        if (monoType instanceof ParameterizedType parameterized) {
            Type argument = parameterized.getActualTypeArguments()[0];
            if (argument instanceof WildcardType wildcard) {
                Type[] upper = wildcard.getUpperBounds();
                return upper.length == 1 ? upper[0] : Object.class;
            }
            return argument;
        }
        return Object.class;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> clientInterface) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "TypedClientProxy[" + clientInterface.getName() + "]";
        };
    }
}
