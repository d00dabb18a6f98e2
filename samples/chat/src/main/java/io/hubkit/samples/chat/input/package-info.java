/**
 * Checks what users type before the chat acts on it: names, room names, message texts and how fast
 * messages arrive. Violations are {@link io.hubkit.core.HubException}s whose text the page shows as is.
 */
package io.hubkit.samples.chat.input;
