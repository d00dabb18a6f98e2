/**
 * The connections a negotiate has announced: ids, tokens, which transport each one uses, the
 * transport's state for later requests ({@link io.hubkit.spring.web.connection.ConnectionChannel}),
 * and the expiry of connections no request has carried for the disconnect timeout (never used,
 * between long polls, or waiting for a stateful reconnect). Transport-neutral; the transports
 * consult it to accept, refuse (404/409/400) and release their requests.
 */
package io.hubkit.spring.web.connection;
