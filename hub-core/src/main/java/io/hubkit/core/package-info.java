/** HubKit's framework-free core: the SignalR hub protocol, the hub runtime and the Backplane SPI. */
package io.hubkit.core;
