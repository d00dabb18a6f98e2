/** Tests of the WebSockets transport's send path over real sockets: coalesced, uncopied writes. */
package io.hubkit.spring.web.websocket;
