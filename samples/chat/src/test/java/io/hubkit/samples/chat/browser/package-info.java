/**
 * The chat page in a real browser: Debian's Chromium driven by {@code playwright-core} from a Node
 * script, against the application started on a random port.
 */
package io.hubkit.samples.chat.browser;
