/**
 * Reusable test support for the hub service: access tokens, a test-side app server speaking the
 * service protocol over a real WebSocket ({@link io.hubkit.service.testing.TestAppServer}) and a
 * small scripted JSON hub running on it ({@link io.hubkit.service.testing.TestHub}).
 */
package io.hubkit.service.testing;
