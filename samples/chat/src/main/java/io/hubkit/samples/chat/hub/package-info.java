/**
 * The chat hub ({@code /hubs/chat}) and the strongly typed view of what it calls on the pages.
 */
package io.hubkit.samples.chat.hub;
