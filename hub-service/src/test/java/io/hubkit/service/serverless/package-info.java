/**
 * Tests of serverless mode: official JavaScript clients (JSON and MessagePack, every transport) and a
 * hand-driven WebSocket client against the service, with a real upstream HTTP server on a free port
 * checking events, headers and signatures and answering invocations; plus the upstream template
 * rules and signatures.
 */
package io.hubkit.service.serverless;
