/** Tests of the logical client connections: data chunking, reassembly, request rebuilding. */
package io.hubkit.backplane.service.client;
