/**
 * Who is online and who is in which room, kept in memory by {@link
 * io.hubkit.samples.chat.presence.PresenceService}. One server only: a cluster would keep this in a
 * shared store.
 */
package io.hubkit.samples.chat.presence;
