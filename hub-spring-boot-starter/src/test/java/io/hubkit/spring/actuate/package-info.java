/** Tests of the Actuator support: the hubs endpoint and the backplane health, over HTTP. */
package io.hubkit.spring.actuate;
