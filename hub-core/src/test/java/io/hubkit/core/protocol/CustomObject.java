package io.hubkit.core.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Java counterpart of the .NET test fixture {@code CustomObject}: the same properties in the
 * same order, with Java names ({@code stringProp}; PascalCase on the wire when the payload mapper
 * uses PascalCase naming). {@code D} is the type of {@code dateTimeProp}: {@code Instant} for a
 * .NET {@code DateTime} of kind Utc, {@code LocalDateTime} for kind Unspecified.
 */
@JsonPropertyOrder({"stringProp", "doubleProp", "intProp", "dateTimeProp", "nullProp", "byteArrProp"})
public final class CustomObject<D> {

    public String stringProp;
    public double doubleProp;
    public int intProp;
    public D dateTimeProp;
    public Object nullProp;
    public byte[] byteArrProp;

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomObject<?> o
                && Objects.equals(stringProp, o.stringProp)
                && Double.compare(doubleProp, o.doubleProp) == 0
                && intProp == o.intProp
                && Objects.equals(dateTimeProp, o.dateTimeProp)
                && Objects.equals(nullProp, o.nullProp)
                && Arrays.equals(byteArrProp, o.byteArrProp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stringProp, doubleProp, intProp, dateTimeProp, nullProp) * 31 + Arrays.hashCode(byteArrProp);
    }

    @Override
    public String toString() {
        return "CustomObject{" + stringProp + ", " + doubleProp + ", " + intProp + ", " + dateTimeProp + ", " + nullProp
                + ", " + Arrays.toString(byteArrProp) + "}";
    }
}
