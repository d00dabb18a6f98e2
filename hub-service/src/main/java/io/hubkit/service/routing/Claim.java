package io.hubkit.service.routing;

import java.util.Objects;

/**
 * One claim of a client's access token as the service passes it on: a claim type may repeat, so
 * claims travel as an ordered list of these. Immutable.
 *
 * @param type  the claim type (e.g. {@code nameid}, {@code asrs.s.uid})
 * @param value the claim's value as a string
 */
public record Claim(String type, String value) {

    public Claim {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
