package io.hubkit.core.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * The Java counterpart of the .NET polymorphic test fixture {@code JsonPerson}: a base type whose
 * subtypes are told apart by a {@code $type} discriminator written first.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "$type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JsonPerson.Extended.class, name = "JsonPersonExtended"),
        @JsonSubTypes.Type(value = JsonPerson.Extended2.class, name = "JsonPersonExtended2")})
public abstract class JsonPerson {

    public String name;
    public JsonPerson child;
    public JsonPerson parent;

    boolean sameBase(JsonPerson o) {
        return Objects.equals(name, o.name) && Objects.equals(child, o.child) && Objects.equals(parent, o.parent);
    }

    /** {@code JsonPersonExtended}: adds an age. */
    @JsonPropertyOrder({"age", "name", "child", "parent"})
    public static final class Extended extends JsonPerson {
        public int age;

        @Override
        public boolean equals(Object other) {
            return other instanceof Extended o && age == o.age && sameBase(o);
        }

        @Override
        public int hashCode() {
            return Objects.hash(age, name);
        }
    }

    /** {@code JsonPersonExtended2}: adds a location. */
    @JsonPropertyOrder({"location", "name", "child", "parent"})
    public static final class Extended2 extends JsonPerson {
        public String location;

        @Override
        public boolean equals(Object other) {
            return other instanceof Extended2 o && Objects.equals(location, o.location) && sameBase(o);
        }

        @Override
        public int hashCode() {
            return Objects.hash(location, name);
        }
    }
}
