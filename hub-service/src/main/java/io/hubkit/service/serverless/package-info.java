/**
 * Serverless mode ({@code hubkit.service.mode=serverless}): no app servers; the service runs the hub
 * protocol for its clients itself ({@link io.hubkit.service.serverless.ServerlessClients}) and
 * reports their connects, invocations and disconnects to upstream webhooks
 * ({@link io.hubkit.service.serverless.ServerlessUpstream}, {@link io.hubkit.service.serverless.UpstreamClient})
 * configured as ordered templates ({@link io.hubkit.service.serverless.UpstreamProperties}), signed
 * with every access key ({@link io.hubkit.service.serverless.UpstreamSignature}). Applications reach
 * clients through the REST API.
 */
package io.hubkit.service.serverless;
