package io.hubkit.spring.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The default naming of invocation observations: name {@value HubMeterNames#INVOCATIONS},
 * contextual name (the span name) {@code <hub>/<method>}, low-cardinality keys {@code hub},
 * {@code method} (the hub method's declared name, whatever case the client used), {@code streaming}
 * and, once it ended, {@code outcome}; high-cardinality key {@code hubkit.connection.id}. Stateless.
 */
public class DefaultHubInvocationObservationConvention implements HubInvocationObservationConvention {

    /** The high-cardinality key holding the caller's connection id. */
    public static final String CONNECTION_ID = "hubkit.connection.id";

    @Override
    public String getName() {
        return HubMeterNames.INVOCATIONS;
    }

    @Override
    public String getContextualName(HubInvocationObservationContext context) {
        return context.getHubName() + "/" + context.getMethodName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HubInvocationObservationContext context) {
        KeyValues values = KeyValues.of(
                KeyValue.of(HubMeterNames.TAG_HUB, context.getHubName()),
                KeyValue.of(HubMeterNames.TAG_METHOD, context.getMethodName()),
                KeyValue.of(HubMeterNames.TAG_STREAMING, Boolean.toString(context.isStreaming())));
        HubInvocationObservationContext.Outcome outcome = context.getOutcome();
        return outcome == null ? values
                : values.and(HubMeterNames.TAG_OUTCOME, outcome.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(HubInvocationObservationContext context) {
        return KeyValues.of(CONNECTION_ID, String.valueOf(context.getConnectionId()));
    }
}
