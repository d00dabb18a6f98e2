/**
 * The chat on the service backplane: two chat servers behind one hub-service, configured by
 * {@code hubkit.backplane.type: service} alone, with the official JavaScript client.
 */
package io.hubkit.samples.chat.service;
