/**
 * The service backplane in a Spring Boot application: {@code hubkit.backplane.type: service} plus
 * {@code hubkit.backplane.service.connection-string} hands every hub's clients to a hub service
 * (needs {@code io.hubkit:backplane-service} on the class path). Negotiate redirects clients to the
 * service; the hubs connect to it when the application starts and leave it gracefully when it stops.
 */
package io.hubkit.spring.service;
