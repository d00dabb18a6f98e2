/** Tests of the server connections against a real WebSocket peer. */
package io.hubkit.backplane.service.server;
