package io.hubkit.core.dispatch;

import io.hubkit.core.annotation.HubIgnore;
import io.hubkit.core.annotation.HubMethodName;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The callable methods of one hub class, discovered once. Hub methods are the public instance
 * methods not declared by {@code Object}, not {@link HubIgnore}d and not lifecycle callbacks,
 * named by their Java name or {@link HubMethodName} and looked up case-insensitively, as ASP.NET
 * Core does. Two methods with the same name (overloads included) are rejected, as are lifecycle
 * callbacks that take wire arguments or appear twice. Immutable and thread-safe.
 */
public final class HubMethodCatalog {

    private final Class<?> hubType;
    private final Map<String, HubMethod> methods;
    private final HubMethod onConnected;
    private final HubMethod onDisconnected;

    private HubMethodCatalog(Class<?> hubType, Map<String, HubMethod> methods, HubMethod onConnected,
                             HubMethod onDisconnected) {
        this.hubType = hubType;
        this.methods = methods;
        this.onConnected = onConnected;
        this.onDisconnected = onDisconnected;
    }

    /**
     * Analyses {@code hubType}.
     *
     * @throws IllegalStateException when two hub methods share a name (case-insensitively), or a
     *         lifecycle callback is declared twice or takes parameters that cannot be injected
     */
    public static HubMethodCatalog of(Class<?> hubType) {
        Map<String, HubMethod> methods = new LinkedHashMap<>();
        HubMethod connected = null;
        HubMethod disconnected = null;
        List<Method> candidates = List.of(hubType.getMethods()).stream()
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> !isObjectMethod(m))
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString))
                .collect(Collectors.toList());
        for (Method method : candidates) {
            if (method.isAnnotationPresent(OnConnected.class)) {
                connected = lifecycle(hubType, method, connected, "@OnConnected");
            } else if (method.isAnnotationPresent(OnDisconnected.class)) {
                disconnected = lifecycle(hubType, method, disconnected, "@OnDisconnected");
            } else if (!method.isAnnotationPresent(HubIgnore.class)) {
                HubMethodName rename = method.getAnnotation(HubMethodName.class);
                String name = rename != null ? rename.value() : method.getName();
                HubMethod previous = methods.put(key(name), new HubMethod(name, method, false));
                if (previous != null) {
                    throw new IllegalStateException("Hub " + hubType.getName() + " has two methods named '" + name
                            + "' (names are case-insensitive, overloads are not supported): " + previous.method()
                            + " and " + method + ". Rename one, use @HubMethodName, or mark one @HubIgnore.");
                }
            }
        }
        return new HubMethodCatalog(hubType, Map.copyOf(methods), connected, disconnected);
    }

    /** The analysed class. */
    public Class<?> hubType() {
        return hubType;
    }

    /** The names clients can call, as declared. */
    public Collection<String> methodNames() {
        return methods.values().stream().map(HubMethod::name).sorted().collect(Collectors.toList());
    }

    /** Whether {@code name} (any case) is a hub method. */
    public boolean contains(String name) {
        return find(name) != null;
    }

    HubMethod find(String name) {
        return name == null ? null : methods.get(key(name));
    }

    HubMethod onConnected() {
        return onConnected;
    }

    HubMethod onDisconnected() {
        return onDisconnected;
    }

    private static HubMethod lifecycle(Class<?> hubType, Method method, HubMethod existing, String annotation) {
        if (existing != null) {
            throw new IllegalStateException("Hub " + hubType.getName() + " has two " + annotation + " methods: "
                    + existing.method() + " and " + method);
        }
        HubMethod callback = new HubMethod(method.getName(), method, true);
        if (!callback.wireTypes().isEmpty() || !callback.uploadTypes().isEmpty()) {
            throw new IllegalStateException(annotation + " method " + method + " may only take HubCallerContext, "
                    + "HubCallerClients, GroupManager, Principal" + (annotation.equals("@OnDisconnected") ? " and Throwable" : "")
                    + " parameters");
        }
        if (callback.isStreaming() || callback.returnKind() == HubMethod.ReturnKind.VALUE) {
            throw new IllegalStateException(annotation + " method " + method
                    + " must return void, Mono or CompletionStage");
        }
        return callback;
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
