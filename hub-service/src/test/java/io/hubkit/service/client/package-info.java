/** End-to-end tests of the client endpoint with the official JavaScript client and a test app server. */
package io.hubkit.service.client;
