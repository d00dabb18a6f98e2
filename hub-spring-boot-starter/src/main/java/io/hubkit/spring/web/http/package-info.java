/**
 * What the two HTTP transports (Server-Sent Events and long polling) share: the client sends by
 * POST, and the POST bodies become the connection's inbound byte stream, with back pressure.
 */
package io.hubkit.spring.web.http;
