/**
 * The routing SPI: every {@code Clients.all / group / user} call of a hub goes through its
 * {@link io.hubkit.core.backplane.Backplane}. {@link io.hubkit.core.backplane.LocalBackplane} is the
 * in-process default and the reference behaviour; scale-out implementations (Redis, a hub service)
 * pass the same specification suite, shipped in hub-core's test-jar.
 */
package io.hubkit.core.backplane;
