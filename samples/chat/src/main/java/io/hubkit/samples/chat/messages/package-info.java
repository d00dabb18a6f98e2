/**
 * Creating chat messages (ids and timestamps) and keeping each room's recent ones in memory,
 * bounded in rooms and in messages per room.
 */
package io.hubkit.samples.chat.messages;
