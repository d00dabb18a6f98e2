/**
 * The server endpoint: app servers connect on {@code /server/?hub=…&cid=…} over a binary
 * WebSocket and speak the service protocol (handshake, pings, data of their clients, sends, group
 * and user operations with acks, existence checks, client results). Each connection's messages
 * are processed in arrival order.
 */
package io.hubkit.service.server;
