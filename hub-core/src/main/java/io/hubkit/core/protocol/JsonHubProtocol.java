package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The {@code json} hub protocol, version 2: each message is a UTF-8 JSON object followed by the
 * record separator {@code 0x1E}. The envelope is read and written by this class exactly as the
 * official server does (field order, omissions, error texts); payload values — arguments, stream
 * items, results — go through a Jackson {@link ObjectMapper} that the application may configure.
 *
 * <p>The default payload mapper ({@link #defaultPayloadMapper()}) mirrors the .NET server's
 * defaults: camelCase property names (Java's own), {@code null}s written, property names matched
 * case-insensitively on read, unknown properties ignored, {@code java.time} values as ISO-8601
 * strings (an {@code Instant} as {@code "2000-01-01T00:00:00Z"}, offsets kept on read),
 * {@code byte[]} as base64, {@code Optional} and friends supported, no silent conversion between
 * strings, numbers and booleans. {@link #pascalCase()} gives the
 * variant with PascalCase names that .NET apps configured with {@code PropertyNamingPolicy = null}
 * use. Enums are written by name (the .NET default writes their number).
 *
 * <p>Immutable and thread-safe; one instance serves every connection.
 */
public final class JsonHubProtocol implements HubProtocol {

    /** The protocol's handshake name. */
    public static final String NAME = "json";
    /** The highest version spoken (2 adds Ack and Sequence for stateful reconnect). */
    public static final int VERSION = 2;

    private final JsonMessageReader reader;
    private final JsonMessageWriter writer;

    /** The protocol with the {@linkplain #defaultPayloadMapper() default payload mapper}. */
    public JsonHubProtocol() {
        this(defaultPayloadMapper());
    }

    /**
     * The protocol with {@code payloadMapper} for payload values. The mapper must produce JSON and
     * must not be reconfigured afterwards.
     */
    public JsonHubProtocol(ObjectMapper payloadMapper) {
        Objects.requireNonNull(payloadMapper, "payloadMapper");
        if (!"JSON".equals(payloadMapper.getFactory().getFormatName())) {
            throw new IllegalArgumentException("The JSON hub protocol needs a JSON ObjectMapper, not "
                    + payloadMapper.getFactory().getFormatName());
        }
        this.reader = new JsonMessageReader(new JsonPayloadBinder(payloadMapper));
        this.writer = new JsonMessageWriter(payloadMapper);
    }

    /** The protocol with PascalCase payload property names ({@link #pascalCasePayloadMapper()}). */
    public static JsonHubProtocol pascalCase() {
        return new JsonHubProtocol(pascalCasePayloadMapper());
    }

    /** A new mapper with the default payload settings described above, free to be customised. */
    public static ObjectMapper defaultPayloadMapper() {
        return PayloadMappers.configure(JsonMapper.builder())
                .build();
    }

    /** The default payload mapper with PascalCase property names ({@code UpperCamelCase} naming). */
    public static ObjectMapper pascalCasePayloadMapper() {
        ObjectMapper mapper = defaultPayloadMapper();
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
        return mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public TransferFormat transferFormat() {
        return TransferFormat.TEXT;
    }

    @Override
    public HubMessage parseMessage(ByteBuffer input, InvocationBinder binder) {
        ByteBuffer record;
        while ((record = TextMessageFraming.nextRecord(input)) != null) {
            HubMessage message = reader.read(record, binder);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    @Override
    public byte[] writeMessage(HubMessage message) {
        return writer.write(message);
    }

    @Override
    public String toString() {
        return "JsonHubProtocol";
    }
}
