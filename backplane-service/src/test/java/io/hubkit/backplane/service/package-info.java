/** Tests of the service backplane of a real hub against a real WebSocket peer playing the service. */
package io.hubkit.backplane.service;
