/**
 * The HubKit chat sample: a Spring Boot application whose browser page talks to {@link
 * io.hubkit.samples.chat.hub.ChatHub} with the official SignalR JavaScript client. This package holds
 * the application, its settings ({@code chat.*}), the user-id mapping and the REST endpoint that
 * broadcasts announcements through a {@code HubContext}.
 */
package io.hubkit.samples.chat;
