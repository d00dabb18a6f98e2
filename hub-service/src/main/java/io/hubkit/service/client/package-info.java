/**
 * The client endpoint {@code /client/?hub=…}: negotiate and the three transports (served by the
 * starter's raw connection endpoint support), token verification, and in default mode the tunnel
 * that carries each client's bytes to an app server of its hub and back.
 */
package io.hubkit.service.client;
