/**
 * Tests of the service-protocol codec against the golden vectors of the Azure SignalR protocol
 * tests (every message type, current and legacy array forms, exact bytes), the stream reader's
 * chunking and size limit, and liberal reading of integer widths, unknown extension keys, unknown
 * message types and trailing elements. {@link io.hubkit.backplane.service.protocol.ServiceVectors}
 * loads the shared vector file for the other test packages too.
 */
package io.hubkit.backplane.service.protocol;
