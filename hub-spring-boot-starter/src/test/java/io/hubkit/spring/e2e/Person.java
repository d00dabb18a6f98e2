package io.hubkit.spring.e2e;

import java.util.List;

/** A complex argument and return value: nested object, list, numbers. */
public record Person(String name, int age, List<String> tags, Address address) {

    /** A nested object. */
    public record Address(String city, double latitude) {
    }
}
