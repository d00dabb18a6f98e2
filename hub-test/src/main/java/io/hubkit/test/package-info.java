/**
 * Test support for applications' hubs: {@link io.hubkit.test.HubTestClient}, a Java hub client for
 * JUnit that connects to a running server (for example a {@code @SpringBootTest} on a random port)
 * over WebSockets with the JSON hub protocol, and checks what a hub answers and sends in the style of
 * Spring's {@code WebTestClient}:
 *
 * <pre>{@code
 * HubTestClient hubs = HubTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
 * try (HubTestConnection chat = hubs.connect("/hubs/chat").queryParam("user", "ann").start()) {
 *     chat.invoke("join", "general").expectEmptyResult();
 *     chat.invoke("send", "general", "hello").expectEmptyResult();
 *     chat.expectInvocation("message").hasArguments("ann", "hello");
 *     chat.stream("history", "general").expectItems(ChatMessage.class).hasSize(1);
 * }
 * }</pre>
 *
 * Every expectation waits for what it expects up to the client's timeout (10 s by default, only a
 * guard against hanging builds) and fails with an {@link java.lang.AssertionError} that lists what
 * the connection received. Payloads bind with the same Jackson settings as the server's JSON
 * protocol.
 */
package io.hubkit.test;
