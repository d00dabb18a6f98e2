/**
 * The service's settings ({@code hubkit.service.*}), its access keys, the connection string it
 * prints at startup and the wiring of the routing core.
 */
package io.hubkit.service.config;
