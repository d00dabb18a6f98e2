package io.hubkit.service.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.service.routing.RoutingOperation;
import io.hubkit.service.routing.RoutingQuery;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BusCodecTest {

    private static final Map<String, byte[]> PAYLOADS = Map.of(
            "json", "{\"type\":1,\"target\":\"t\",\"arguments\":[]}\u001e".getBytes(StandardCharsets.UTF_8),
            "messagepack", new byte[] {5, (byte) 0x95, 1, (byte) 0x80, (byte) 0xc0, (byte) 0xa1});

    /** One instance of every operation, with every field set (nulls where the field allows it, in a second set). */
    static List<RoutingOperation> operations() {
        Instant expiry = Instant.ofEpochMilli(1_700_000_000_123L);
        return List.of(
                new RoutingOperation.Broadcast("chat", PAYLOADS, Set.of("a", "b")),
                new RoutingOperation.SendToConnections("chat", Set.of("c1", "c2"), PAYLOADS),
                new RoutingOperation.SendToUsers("chat", Set.of("u1"), PAYLOADS),
                new RoutingOperation.SendToGroups("chat", Set.of("g1", "g2"), PAYLOADS, Set.of("c1"), Set.of("u9")),
                new RoutingOperation.JoinGroup("chat", "c1", "room 1"),
                new RoutingOperation.LeaveGroup("chat", "c1", "room 1"),
                new RoutingOperation.LeaveAllGroups("chat", "c1"),
                new RoutingOperation.UserJoinGroup("chat", "u1", "g", expiry),
                new RoutingOperation.UserJoinGroup("chat", "u1", "g", null),
                new RoutingOperation.UserLeaveGroup("chat", "u1", "g"),
                new RoutingOperation.UserLeaveAllGroups("chat", "u1"),
                new RoutingOperation.CloseConnections("chat", Set.of("c1"), "bye"),
                new RoutingOperation.CloseConnections("chat", Set.of("c1"), null),
                new RoutingOperation.CloseUserConnections("chat", "u1", Set.of("c2"), "why"),
                new RoutingOperation.CloseGroupConnections("chat", "g", Set.of(), null),
                new RoutingOperation.CloseAllConnections("chat", Set.of("c3"), "shutdown"),
                new RoutingOperation.InvokeClient("chat", "inv-1", "c1", "server-1", PAYLOADS),
                new RoutingOperation.CompleteClientInvocation("chat", "inv-1", "c1", "server-1", "json",
                        new byte[] {1, 2, 3}, null, true),
                new RoutingOperation.CompleteClientInvocation("chat", "inv-2", null, "server-1", null, null, "failed", false));
    }

    static List<RoutingQuery> queries() {
        return List.of(
                new RoutingQuery.ConnectionExists("chat", "c1"),
                new RoutingQuery.UserExists("chat", "u1"),
                new RoutingQuery.GroupExists("chat", "g"),
                new RoutingQuery.UserInGroup("chat", "u1", "g"));
    }

    @Test
    void everyOperationTypeIsCovered() {
        Set<Class<?>> covered = operations().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(RoutingOperation.class.getPermittedSubclasses());
        Set<Class<?>> coveredQueries = queries().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(coveredQueries).containsExactlyInAnyOrder(RoutingQuery.class.getPermittedSubclasses());
    }

    @Test
    void operationsSurviveTheRoundTrip() {
        for (RoutingOperation operation : operations()) {
            BusMessage decoded = BusCodec.decode(BusCodec.encode(new BusMessage.Operation("instance-a", operation)));
            assertThat(decoded).isInstanceOf(BusMessage.Operation.class);
            assertThat(decoded.origin()).isEqualTo("instance-a");
            assertSameRecord(((BusMessage.Operation) decoded).operation(), operation);
        }
    }

    @Test
    void questionsAndAnswersSurviveTheRoundTrip() {
        for (RoutingQuery query : queries()) {
            BusMessage decoded = BusCodec.decode(BusCodec.encode(new BusMessage.Question("b", 42, query)));
            assertThat(decoded).isEqualTo(new BusMessage.Question("b", 42, query));
        }
        assertThat(BusCodec.decode(BusCodec.encode(new BusMessage.Answer("c", 7, true))))
                .isEqualTo(new BusMessage.Answer("c", 7, true));
    }

    @Test
    void garbageIsRefusedWithoutAllocatingByAnnouncedLengths() {
        byte[] valid = BusCodec.encode(new BusMessage.Operation("a", operations().get(0)));
        for (int cut = 0; cut < valid.length; cut++) {
            byte[] truncated = Arrays.copyOf(valid, cut);
            assertThatThrownBy(() -> BusCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        // [1, "a", "Broadcast", [..]] announcing a 2 GB binary
        byte[] hostile = {(byte) 0x94, 1, (byte) 0xa1, 'a', (byte) 0xa9, 'B', 'r', 'o', 'a', 'd', 'c', 'a', 's', 't',
                (byte) 0x93, (byte) 0xa4, 'c', 'h', 'a', 't', (byte) 0x81, (byte) 0xa4, 'j', 's', 'o', 'n',
                (byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> BusCodec.decode(hostile)).isInstanceOf(IllegalArgumentException.class);
        byte[] unknown = {(byte) 0x94, 1, (byte) 0xa1, 'a', (byte) 0xa3, 'N', 'o', 'p', (byte) 0x90};
        assertThatThrownBy(() -> BusCodec.decode(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown record Nop");
    }

    /** Records holding byte arrays do not compare by content, so compare component by component. */
    static void assertSameRecord(Object actual, Object expected) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object a = read(component, actual);
            Object e = read(component, expected);
            if (e instanceof byte[] bytes) {
                assertThat((byte[]) a).as(component.getName()).isEqualTo(bytes);
            } else if (e instanceof Map<?, ?> map) {
                assertThat(((Map<?, ?>) a).keySet()).as(component.getName()).isEqualTo(map.keySet());
                for (Object key : map.keySet()) {
                    assertThat((byte[]) ((Map<?, ?>) a).get(key)).isEqualTo((byte[]) map.get(key));
                }
            } else {
                assertThat(a).as(component.getName()).isEqualTo(e);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
