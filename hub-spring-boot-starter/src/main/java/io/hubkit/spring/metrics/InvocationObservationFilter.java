package io.hubkit.spring.metrics;

import io.hubkit.core.annotation.HubMethodName;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * A {@link HubFilter} that wraps every hub method invocation in an {@link Observation}
 * ({@value HubMeterNames#INVOCATIONS}), so that Boot's meter handler times it per hub, method and
 * outcome, and Micrometer Tracing sees it as a span. The hub method runs with the observation in
 * scope (and in the Reactor context), so spans it creates are children of the invocation's. A
 * streaming method's observation lasts until its stream completes, fails or is cancelled. Placed
 * first in the filter chain so that it also measures the other filters. Thread-safe.
 */
public final class InvocationObservationFilter implements HubFilter {

    private static final HubInvocationObservationConvention DEFAULT_CONVENTION =
            new DefaultHubInvocationObservationConvention();

    private final ObservationRegistry registry;
    private final HubInvocationObservationConvention convention;
    private final HubNames hubNames;

    /**
     * @param registry   where observations are reported
     * @param convention the naming to use, or {@code null} for the default
     * @param hubs       the application's hubs (looked up lazily: the registry is built with the filters)
     */
    public InvocationObservationFilter(ObservationRegistry registry, HubInvocationObservationConvention convention,
                                       ObjectProvider<HubEndpointRegistry> hubs, BeanFactory beanFactory) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
        this.hubNames = new HubNames(hubs, beanFactory);
    }

    @Override
    public Mono<Object> invokeMethod(HubInvocationContext invocation, InvocationNext next) {
        return Mono.defer(() -> {
            boolean streaming = isStreaming(invocation.hubMethod());
            HubInvocationObservationContext context = new HubInvocationObservationContext(
                    hubNames.nameOf(invocation.hub()), declaredName(invocation.hubMethod()), streaming,
                    invocation.context().connectionId());
            Observation observation = Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context,
                    registry).start();
            Ending ending = new Ending(observation, context);
            Mono<Object> call = Mono.fromDirect(subscriber -> {
                try (Observation.Scope ignored = observation.openScope()) {
                    next.invoke(invocation).subscribe(subscriber);
                }
            });
            Mono<Object> result = call.contextWrite(reactor -> reactor.put(ObservationThreadLocalAccessor.KEY, observation));
            if (!streaming) {
                return result
                        .doOnError(ending::failed)
                        .doFinally(ending::finished);
            }
            return result
                    .map(value -> value instanceof Publisher<?> stream ? observed(stream, ending) : value)
                    .doOnError(ending::failed)
                    .doOnSuccess(value -> {
                        if (!(value instanceof Publisher<?>)) {
                            ending.finished(SignalType.ON_COMPLETE);
                        }
                    })
                    .doOnCancel(() -> ending.finished(SignalType.CANCEL));
        });
    }

    private static Flux<Object> observed(Publisher<?> stream, Ending ending) {
        return Flux.<Object>from(stream)
                .doOnError(ending::failed)
                .doFinally(ending::finished);
    }

    private static boolean isStreaming(Method method) {
        Class<?> type = method.getReturnType();
        return Publisher.class.isAssignableFrom(type) && !Mono.class.isAssignableFrom(type)
                && !CompletionStage.class.isAssignableFrom(type);
    }

    private static String declaredName(Method method) {
        HubMethodName rename = method.getAnnotation(HubMethodName.class);
        return rename != null ? rename.value() : method.getName();
    }

    /** Stops one observation once, with the outcome of the first terminal signal. */
    private static final class Ending {

        private final Observation observation;
        private final HubInvocationObservationContext context;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Ending(Observation observation, HubInvocationObservationContext context) {
            this.observation = observation;
            this.context = context;
        }

        void failed(Throwable error) {
            if (!stopped.get()) {
                observation.error(error);
                finish(HubInvocationObservationContext.Outcome.ERROR);
            }
        }

        void finished(SignalType signal) {
            finish(signal == SignalType.CANCEL ? HubInvocationObservationContext.Outcome.CANCELLED
                    : HubInvocationObservationContext.Outcome.SUCCESS);
        }

        private void finish(HubInvocationObservationContext.Outcome outcome) {
            if (stopped.compareAndSet(false, true)) {
                context.setOutcome(outcome);
                observation.stop();
            }
        }
    }
}
