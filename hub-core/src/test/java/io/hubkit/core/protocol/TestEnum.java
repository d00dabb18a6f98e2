package io.hubkit.core.protocol;

/** The Java counterpart of the .NET test fixture {@code TestEnum}. */
public enum TestEnum {
    Zero,
    One
}
