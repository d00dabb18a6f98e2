package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.msgpack.jackson.dataformat.MessagePackExtensionType;
import org.msgpack.jackson.dataformat.MessagePackGenerator;

/**
 * Maps date-time values to MessagePack the way the .NET server (MessagePack-CSharp) does, so a
 * Java hub and a .NET or JavaScript client agree on them:
 * <ul>
 * <li>{@link Instant}, {@link Date} and {@link LocalDateTime} (read as UTC, like a .NET
 *     {@code DateTime}) ↔ the timestamp extension, type −1 (a JavaScript {@code Date});</li>
 * <li>{@link OffsetDateTime} ↔ a two-item array {@code [timestamp of the local clock read as UTC,
 *     offset in minutes]}, the layout of a .NET {@code DateTimeOffset}; a bare timestamp is
 *     also accepted on read (as UTC).</li>
 * </ul>
 * ISO-8601 strings are accepted on read as well. Outside a MessagePack generator (e.g. when a
 * value is converted through a token buffer) values are written as ISO-8601 strings.
 */
final class MessagePackTimeModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    MessagePackTimeModule() {
        super("HubKitMessagePackTime");
        addSerializer(Instant.class, new TimestampSerializer<>(Instant.class, value -> value));
        addSerializer(Date.class, new TimestampSerializer<>(Date.class, Date::toInstant));
        addSerializer(LocalDateTime.class, new TimestampSerializer<>(LocalDateTime.class, v -> v.toInstant(ZoneOffset.UTC)));
        addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer());
        addDeserializer(Instant.class, new TimestampDeserializer<>(Instant.class, i -> i, MessagePackTimeModule::parseInstant));
        addDeserializer(Date.class, new TimestampDeserializer<>(Date.class, Date::from, s -> Date.from(parseInstant(s))));
        addDeserializer(LocalDateTime.class, new TimestampDeserializer<>(LocalDateTime.class,
                i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC), LocalDateTime::parse));
        addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    static void writeTimestamp(JsonGenerator generator, Instant instant) throws IOException {
        if (generator instanceof MessagePackGenerator messagePack) {
            messagePack.writeExtensionType(
                    new MessagePackExtensionType(MessagePackTimestamps.EXT_TYPE, MessagePackTimestamps.encode(instant)));
        } else {
            generator.writeString(instant.toString());
        }
    }

    /** The instant of the timestamp at the current token, or {@code null} if the token is not one. */
    static Instant readTimestamp(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            return null;
        }
        Object embedded = parser.getEmbeddedObject();
        if (embedded instanceof Instant instant) {
            return instant;
        }
        if (embedded instanceof MessagePackExtensionType ext && ext.getType() == MessagePackTimestamps.EXT_TYPE) {
            return MessagePackTimestamps.decode(ext.getData());
        }
        return null;
    }

    private interface ToInstant<T> {
        Instant apply(T value);
    }

    private interface FromInstant<T> {
        T apply(Instant instant);
    }

    private interface FromText<T> {
        T apply(String text);
    }

    private static final class TimestampSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;

        private final transient ToInstant<T> toInstant;

        TimestampSerializer(Class<T> type, ToInstant<T> toInstant) {
            super(type);
            this.toInstant = toInstant;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            writeTimestamp(generator, toInstant.apply(value));
        }
    }

    private static final class TimestampDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;

        private final transient FromInstant<T> fromInstant;
        private final transient FromText<T> fromText;

        TimestampDeserializer(Class<T> type, FromInstant<T> fromInstant, FromText<T> fromText) {
            super(type);
            this.fromInstant = fromInstant;
            this.fromText = fromText;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant instant = readTimestamp(parser);
            if (instant != null) {
                return fromInstant.apply(instant);
            }
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return fromText.apply(parser.getText());
                } catch (DateTimeParseException e) {
                    return (T) context.handleWeirdStringValue(handledType(), parser.getText(), e.getMessage());
                }
            }
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }
    }

    private static final class OffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        OffsetDateTimeSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!(generator instanceof MessagePackGenerator)) {
                generator.writeString(value.toString());
                return;
            }
            generator.writeStartArray();
            writeTimestamp(generator, value.toLocalDateTime().toInstant(ZoneOffset.UTC));
            generator.writeNumber(value.getOffset().getTotalSeconds() / 60);
            generator.writeEndArray();
        }
    }

    private static final class OffsetDateTimeDeserializer extends StdDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;

        OffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_ARRAY) {
                parser.nextToken();
                Instant localClock = readTimestamp(parser);
                if (localClock == null || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
                }
                int offsetMinutes = parser.getIntValue();
                if (parser.nextToken() != JsonToken.END_ARRAY) {
                    return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
                }
                return OffsetDateTime.of(LocalDateTime.ofInstant(localClock, ZoneOffset.UTC),
                        ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            }
            Instant instant = readTimestamp(parser);
            if (instant != null) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return OffsetDateTime.parse(parser.getText());
                } catch (DateTimeParseException e) {
                    return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, parser.getText(), e.getMessage());
                }
            }
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
    }
}
