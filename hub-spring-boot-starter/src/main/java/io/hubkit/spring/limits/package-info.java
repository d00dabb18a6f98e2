/**
 * Per-connection and per-server limits enforced as hub filters, configured under
 * {@code hubkit.limits.*}: invocations per second per connection (a token bucket), concurrent
 * streams per connection, groups per connection, and connections per server and per user. A call over a limit gets a
 * {@code HubException} text its client can read; a connection over a limit is closed with that
 * text as the error. Other connections are never affected.
 */
package io.hubkit.spring.limits;
