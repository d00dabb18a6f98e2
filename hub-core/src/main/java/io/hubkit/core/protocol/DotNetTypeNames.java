package io.hubkit.core.protocol;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Names Java types the way .NET's {@code Type.Name} names their counterparts, for the few error
 * texts that quote a type ({@code "Error trying to deserialize result to Int32."}), so that the
 * same mistake reads the same to a client whichever server it talks to. Types without a .NET
 * counterpart keep their simple Java name.
 */
final class DotNetTypeNames {

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(int.class, "Int32"), Map.entry(Integer.class, "Int32"),
            Map.entry(long.class, "Int64"), Map.entry(Long.class, "Int64"),
            Map.entry(short.class, "Int16"), Map.entry(Short.class, "Int16"),
            Map.entry(byte.class, "SByte"), Map.entry(Byte.class, "SByte"),
            Map.entry(boolean.class, "Boolean"), Map.entry(Boolean.class, "Boolean"),
            Map.entry(double.class, "Double"), Map.entry(Double.class, "Double"),
            Map.entry(float.class, "Single"), Map.entry(Float.class, "Single"),
            Map.entry(char.class, "Char"), Map.entry(Character.class, "Char"),
            Map.entry(BigDecimal.class, "Decimal"),
            Map.entry(UUID.class, "Guid"),
            Map.entry(Instant.class, "DateTime"), Map.entry(LocalDateTime.class, "DateTime"),
            Map.entry(OffsetDateTime.class, "DateTimeOffset"));

    private DotNetTypeNames() {
    }

    static String of(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return of(c.getComponentType()) + "[]";
            }
            return NAMES.getOrDefault(c, c.getSimpleName());
        }
        if (type instanceof ParameterizedType p) {
            return of(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return of(g.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }
}
