package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * One claim of a client's identity as carried by {@link OpenConnectionMessage}: claim types may
 * repeat (several {@code role} claims), so claims travel as an ordered list of these pairs.
 *
 * @param type the claim type, e.g. {@code nameid} or {@code asrs.s.uid}
 * @param value the claim value
 */
public record ServiceClaim(String type, String value) {

    public ServiceClaim {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
