package io.hubkit.core.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The Java analog of the .NET union-type fixtures {@code UnionPet} / {@code UnionPetWithClassifier}
 * ({@code Cat | Dog}): a sealed interface whose case Jackson deduces from the properties present.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Pet.Cat.class), @JsonSubTypes.Type(Pet.Dog.class)})
public sealed interface Pet permits Pet.Cat, Pet.Dog {

    /** The {@code Cat} case. */
    record Cat(String name) implements Pet {
    }

    /** The {@code Dog} case. */
    record Dog(String breed) implements Pet {
    }
}
