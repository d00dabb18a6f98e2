/**
 * The starter's auto-configuration: {@code hubkit.*} properties, the runtime's building blocks as
 * replaceable beans, the registry of hub endpoints, one injectable {@code HubContext<H>} per hub,
 * and the WebFlux endpoints (negotiate and the transports).
 */
package io.hubkit.spring.autoconfigure;
