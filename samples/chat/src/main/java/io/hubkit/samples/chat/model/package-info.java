/**
 * What travels between the chat hub and the page: immutable records serialised by the hub protocol
 * (JSON field names are the record component names).
 */
package io.hubkit.samples.chat.model;
