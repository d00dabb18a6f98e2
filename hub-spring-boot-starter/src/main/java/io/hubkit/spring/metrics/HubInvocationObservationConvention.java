package io.hubkit.spring.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code Observation} of hub method invocations. Declare a bean of this type to
 * replace {@link DefaultHubInvocationObservationConvention}.
 */
public interface HubInvocationObservationConvention extends ObservationConvention<HubInvocationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof HubInvocationObservationContext;
    }
}
