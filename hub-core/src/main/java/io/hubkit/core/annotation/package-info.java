/** Annotations on hub classes and their methods, read once when a hub is registered. */
package io.hubkit.core.annotation;
