/**
 * The hub service application: a self-hosted equivalent of Azure SignalR Service in default and
 * serverless mode, wire-compatible with it (client endpoint, server endpoint, REST API).
 */
package io.hubkit.service;
