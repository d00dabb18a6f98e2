/** The dashboard hub, tested with HubKit's own test client (no browser, no Node). */
package io.hubkit.samples.dashboard.hub;
