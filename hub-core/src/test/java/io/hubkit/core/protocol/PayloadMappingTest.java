package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The default payload mappers map Java values as the .NET server maps its own, so that the
 * official clients see the same wire values from a Java hub: JSON text forms and MessagePack
 * native forms (bin, timestamp extension, smallest integers), strictness included.
 */
class PayloadMappingTest {

    private static final JsonHubProtocol JSON = new JsonHubProtocol();
    private static final MessagePackHubProtocol MESSAGE_PACK = new MessagePackHubProtocol();
    private static final Instant Y2K = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void jsonWritesDatesBytesAndIdsAsTheDotNetServerDoes() {
        UUID id = UUID.fromString("00010203-0405-0607-0706-050403020100");
        String text = jsonText(List.of(Y2K, new byte[] {1, 2, 3}, id, OffsetDateTime.parse("2002-04-01T10:20:15+02:00"),
                LocalDate.of(2020, 2, 29), Optional.empty(), Optional.of("x"), TestEnum.One));

        assertThat(text).isEqualTo("{\"type\":1,\"target\":\"M\",\"arguments\":[\"2000-01-01T00:00:00Z\",\"AQID\","
                + "\"00010203-0405-0607-0706-050403020100\",\"2002-04-01T10:20:15+02:00\",\"2020-02-29\",null,\"x\",\"One\"]}\u001e");
    }

    @Test
    void jsonReadsThemBackToTheParameterTypes() {
        String input = "{\"type\":1,\"target\":\"M\",\"arguments\":[\"2000-01-01T00:00:00Z\",\"AQID\","
                + "\"2002-04-01T10:20:15+02:00\",\"one\",{\"STRINGPROP\":\"s\",\"unknown\":1}]}\u001e";
        List<Type> types = List.of(Instant.class, byte[].class, OffsetDateTime.class, TestEnum.class,
                VectorValues.parameterized(CustomObject.class, Instant.class));

        InvocationMessage message = (InvocationMessage) JSON.parseMessage(utf8(input), new VectorBinder(types, Object.class));

        assertThat(message.arguments().get(0)).isEqualTo(Y2K);
        assertThat((byte[]) message.arguments().get(1)).containsExactly(1, 2, 3);
        assertThat(message.arguments().get(2)).isEqualTo(OffsetDateTime.parse("2002-04-01T10:20:15+02:00"));
        assertThat(message.arguments().get(3)).isEqualTo(TestEnum.One);
        assertThat(((CustomObject<?>) message.arguments().get(4)).stringProp).isEqualTo("s");
    }

    @Test
    void thePascalCaseVariantNamesPropertiesTheDotNetWay() {
        CustomObject<Instant> object = new CustomObject<>();
        object.stringProp = "s";
        object.dateTimeProp = Y2K;

        String text = new String(JsonHubProtocol.pascalCase().writeMessage(new StreamItemMessage("1", object)), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("{\"type\":2,\"invocationId\":\"1\",\"item\":{\"StringProp\":\"s\",\"DoubleProp\":0.0,"
                + "\"IntProp\":0,\"DateTimeProp\":\"2000-01-01T00:00:00Z\",\"NullProp\":null,\"ByteArrProp\":null}}\u001e");
    }

    @Test
    void valuesAreNotSilentlyConvertedBetweenStringsNumbersAndBooleans() {
        List<String> mismatches = List.of("[42]", "[true]", "[\"12\"]", "[1.5]", "[\"true\"]");
        List<List<Type>> targets = List.of(List.of(String.class), List.of(String.class), List.of(Integer.class),
                List.of(int.class), List.of(Boolean.class));
        for (int i = 0; i < mismatches.size(); i++) {
            String input = "{\"type\":1,\"invocationId\":\"1\",\"target\":\"M\",\"arguments\":" + mismatches.get(i) + "}\u001e";
            HubMessage parsed = JSON.parseMessage(utf8(input), new VectorBinder(targets.get(i), Object.class));
            assertThat(parsed).as(mismatches.get(i) + " into " + targets.get(i)).isInstanceOf(InvocationBindingFailureMessage.class);

            Object value = JSON.parseMessage(utf8(input), new VectorBinder(List.of(Object.class), Object.class));
            HubMessage sameInMessagePack = MESSAGE_PACK.parseMessage(ByteBuffer.wrap(MESSAGE_PACK.writeMessage((HubMessage) value)),
                    new VectorBinder(targets.get(i), Object.class));
            assertThat(sameInMessagePack).as("MessagePack: " + mismatches.get(i)).isInstanceOf(InvocationBindingFailureMessage.class);
        }
    }

    @Test
    void messagePackWritesTimestampsBinaryAndSmallestIntegers() {
        byte[] frame = MESSAGE_PACK.writeMessage(new StreamItemMessage("1",
                List.of(Y2K, new byte[] {1, 2, 3}, 1, 300, -1, 5L, 70000, TestEnum.One)));

        String body = HubProtocolVectors.hex(frame).substring(2);
        assertThat(body).isEqualTo("940280a131" + "98" + "d6ff386d4380" + "c403010203" + "01" + "cd012c" + "ff" + "05"
                + "ce00011170" + "a34f6e65");
    }

    @Test
    void messagePackTimestampsUseTheSmallestOfTheirThreeForms() {
        Instant withNanos = Instant.parse("2000-01-01T00:00:00.123456789Z");
        Instant beforeEpoch = Instant.parse("1969-07-20T20:17:40Z");
        for (Instant instant : List.of(Y2K, withNanos, beforeEpoch)) {
            byte[] frame = MESSAGE_PACK.writeMessage(new StreamItemMessage("1", instant));
            StreamItemMessage read = (StreamItemMessage) MESSAGE_PACK.parseMessage(ByteBuffer.wrap(frame),
                    new VectorBinder(List.of(), Object.class));
            assertThat(read.item()).as("an untyped timestamp reads as an Instant").isEqualTo(instant);
        }
        assertThat(HubProtocolVectors.hex(MESSAGE_PACK.writeMessage(new StreamItemMessage("1", withNanos))))
                .contains("d7ff" + String.format("%016x", (123456789L << 34) | Y2K.getEpochSecond()));
        assertThat(HubProtocolVectors.hex(MESSAGE_PACK.writeMessage(new StreamItemMessage("1", beforeEpoch))))
                .contains("c70cff00000000" + String.format("%016x", beforeEpoch.getEpochSecond()));
    }

    @Test
    void messagePackMapsTheOtherDateTypesLikeTheDotNetServer() {
        LocalDateTime local = LocalDateTime.of(2000, 1, 1, 0, 0);
        Date date = Date.from(Y2K);
        OffsetDateTime offset = OffsetDateTime.parse("2018-04-09T00:00:00-05:30");
        List<Type> types = List.of(LocalDateTime.class, Date.class, OffsetDateTime.class, OffsetDateTime.class, UUID.class);
        UUID id = UUID.randomUUID();

        byte[] frame = MESSAGE_PACK.writeMessage(InvocationMessage.nonBlocking("M", List.of(local, date, offset, Y2K, id)));
        InvocationMessage read = (InvocationMessage) MESSAGE_PACK.parseMessage(ByteBuffer.wrap(frame),
                new VectorBinder(types, Object.class));

        assertThat(HubProtocolVectors.hex(frame)).contains("d6ff386d4380d6ff386d4380" + "92d6ff5acaad00" + "d1feb6")
                .contains("d924" + HubProtocolVectors.hex(id.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(read.arguments()).containsExactly(local, date, offset, Y2K.atOffset(ZoneOffset.UTC), id);
    }

    @Test
    void messagePackObjectsAreMapsKeyedByPropertyName() {
        Map<String, Object> expected = Map.of("stringProp", "s", "intProp", 7);
        CustomObject<Instant> object = new CustomObject<>();
        object.stringProp = "s";
        object.intProp = 7;

        byte[] frame = MESSAGE_PACK.writeMessage(new StreamItemMessage("1", object));
        StreamItemMessage read = (StreamItemMessage) MESSAGE_PACK.parseMessage(ByteBuffer.wrap(frame),
                new VectorBinder(List.of(), Object.class));

        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) read.item();
        assertThat(map).containsAllEntriesOf(expected);
    }

    private static String jsonText(List<Object> arguments) {
        return new String(JSON.writeMessage(InvocationMessage.nonBlocking("M", arguments)), StandardCharsets.UTF_8);
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
