/**
 * Tests of the REST client: the reference SDK's URL and audience vectors, and every operation
 * against a real HTTP server on loopback that records requests (route, body, token) and scripts
 * the statuses that exercise error mapping, retries and timeouts.
 */
package io.hubkit.backplane.service.rest;
