/** Tests of the observer SPI: what a hub observer hears from real connections and backplane calls. */
package io.hubkit.core.observe;
