/** Tests of the negotiated-connection registry: ids, activation rules and expiry. */
package io.hubkit.spring.web.connection;
