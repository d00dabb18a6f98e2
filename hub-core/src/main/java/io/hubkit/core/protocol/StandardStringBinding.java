package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.ser.std.StringSerializer;

/**
 * Whether a payload mapper reads and writes {@code java.lang.String} with Jackson's own string
 * serializer and deserializer, i.e. the application registered nothing of its own for strings. Only
 * then may the MessagePack protocol pack and unpack string payloads directly, which gives the same
 * bytes and values without a Jackson generator or parser per value (the common case of hub
 * arguments, stream items and results).
 */
final class StandardStringBinding {

    private StandardStringBinding() {
    }

    /** True when {@code mapper} binds strings the standard way; false when unsure. */
    static boolean of(ObjectMapper mapper) {
        try {
            boolean standardWriter = mapper.getSerializerProviderInstance().findValueSerializer(String.class)
                    .getClass() == StringSerializer.class;
            DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                    .createInstance(mapper.getDeserializationConfig(), null, mapper.getInjectableValues());
            boolean standardReader = context.findRootValueDeserializer(mapper.constructType(String.class))
                    .getClass() == StringDeserializer.class;
            return standardWriter && standardReader;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
