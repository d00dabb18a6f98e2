/**
 * From a parsed message to the hub bean and back: method discovery (once per hub class), argument
 * binding (wire arguments, upload streams, injected caller context, clients, groups and principal),
 * return handling (values, {@code Mono}, {@code CompletionStage}, server-to-client {@code Flux}
 * streams), cancellation, per-client invocation limits, and the {@link io.hubkit.core.dispatch.HubFilter}
 * chain around invocations and the connection lifecycle.
 */
package io.hubkit.core.dispatch;
