package io.hubkit.test;

import java.util.List;

/** A payload with nested values. */
public record Person(String name, int age, List<String> tags) {
}
