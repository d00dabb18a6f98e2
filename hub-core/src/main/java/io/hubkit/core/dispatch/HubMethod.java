package io.hubkit.core.dispatch;

import io.hubkit.core.annotation.Blocking;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One callable method of a hub class, analysed once: its parameters' sources, its wire parameter
 * types (what the protocol binds arguments to), its upload streams, how its result is returned,
 * and whether it blocks. Invocation goes through a cached {@link MethodHandle}. Immutable.
 */
final class HubMethod {

    /** How a method hands back its result. */
    enum ReturnKind { VOID, VALUE, MONO, COMPLETION_STAGE, STREAM }

    private final String name;
    private final Method method;
    private final MethodHandle handle;
    private final List<HubParameter> parameters;
    private final List<Type> wireTypes;
    private final List<Type> uploadTypes;
    private final ReturnKind returnKind;
    private final boolean blocking;

    HubMethod(String name, Method method, boolean lifecycle) {
        this.name = name;
        this.method = method;
        this.handle = handleFor(method);
        List<HubParameter> params = new ArrayList<>();
        List<Type> wire = new ArrayList<>();
        List<Type> uploads = new ArrayList<>();
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            HubParameter parameter = HubParameter.of(p, lifecycle);
            params.add(parameter);
            if (parameter.source() == HubParameter.Source.WIRE) {
                wire.add(parameter.type());
            } else if (parameter.source() == HubParameter.Source.UPLOAD_STREAM) {
                uploads.add(parameter.type());
            }
        }
        this.parameters = List.copyOf(params);
        this.wireTypes = List.copyOf(wire);
        this.uploadTypes = List.copyOf(uploads);
        this.returnKind = returnKindOf(method.getReturnType());
        this.blocking = method.isAnnotationPresent(Blocking.class)
                || method.getDeclaringClass().isAnnotationPresent(Blocking.class);
    }

    String name() {
        return name;
    }

    Method method() {
        return method;
    }

    List<HubParameter> parameters() {
        return parameters;
    }

    /** The types of the arguments on the wire, in order. */
    List<Type> wireTypes() {
        return wireTypes;
    }

    /** The element types of the upload streams, in order. */
    List<Type> uploadTypes() {
        return uploadTypes;
    }

    ReturnKind returnKind() {
        return returnKind;
    }

    boolean isStreaming() {
        return returnKind == ReturnKind.STREAM;
    }

    boolean isBlocking() {
        return blocking;
    }

    /**
     * Calls the method on {@code hub} when subscribed — on the subscribing thread, or on the bounded
     * blocking scheduler for a {@code @Blocking} method — and emits its result as
     * {@link HubFilter#invokeMethod} describes. A thrown exception becomes the Mono's error.
     */
    Mono<Object> invoke(Object hub, Object[] args) {
        Mono<Object> call = Mono.defer(() -> {
            Object result;
            try {
                result = handle.invokeExact(hub, args);
            } catch (Throwable t) {
                return Mono.error(t);
            }
            return adapt(result);
        });
        return blocking ? call.subscribeOn(Schedulers.boundedElastic()) : call;
    }

    @SuppressWarnings("unchecked")
    private Mono<Object> adapt(Object result) {
        if (result == null) {
            return Mono.empty();
        }
        return switch (returnKind) {
            case VOID -> Mono.empty();
            case VALUE, STREAM -> Mono.just(result);
            case MONO -> (Mono<Object>) result;
            case COMPLETION_STAGE -> Mono.fromCompletionStage((CompletionStage<Object>) result);
        };
    }

    private static ReturnKind returnKindOf(Class<?> type) {
        if (type == void.class || type == Void.class) {
            return ReturnKind.VOID;
        }
        if (Mono.class.isAssignableFrom(type)) {
            return ReturnKind.MONO;
        }
        if (CompletionStage.class.isAssignableFrom(type)) {
            return ReturnKind.COMPLETION_STAGE;
        }
        if (Publisher.class.isAssignableFrom(type) || type == Flux.class) {
            return ReturnKind.STREAM;
        }
        return ReturnKind.VALUE;
    }

    private static MethodHandle handleFor(Method method) {
        try {
            method.setAccessible(true);
        } catch (RuntimeException inaccessible) {
            // a public method of a public type stays callable through the public lookup
        }
        try {
            return MethodHandles.lookup().unreflect(method)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Hub method " + method + " is not accessible", e);
        }
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
