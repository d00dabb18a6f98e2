/**
 * Turns {@link io.hubkit.spring.Hub @Hub} beans into running hub endpoints: discovery of the beans,
 * one {@code HubEndpoint} per hub built with the application's options, protocols, backplane,
 * user-id provider and filters, lookup by path and by hub class, and shutdown. Raw connection
 * endpoints ({@link io.hubkit.spring.connection.ConnectionEndpoint @ConnectionEndpoint} beans) are
 * found here too; both kinds are a {@link io.hubkit.spring.endpoint.MappedEndpoint}, which is all
 * the transports see.
 */
package io.hubkit.spring.endpoint;
