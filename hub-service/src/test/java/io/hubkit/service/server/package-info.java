/** Tests of the server endpoint over real WebSockets with a test-side app server. */
package io.hubkit.service.server;
