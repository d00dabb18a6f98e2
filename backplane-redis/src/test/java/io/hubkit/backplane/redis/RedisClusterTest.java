package io.hubkit.backplane.redis;

import static io.hubkit.backplane.redis.testing.HubServer.receivedBefore;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.redis.testing.HubServer;
import io.hubkit.backplane.redis.testing.RedisCluster;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.backplane.BackplaneSpecification;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.WireClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The backplane on a local three-master Redis Cluster started from {@code redis-server} processes:
 * the whole specification in sharded mode ({@code SSUBSCRIBE}/{@code SPUBLISH}) and in classic
 * mode, and proof that sharded mode spreads channels and traffic over the shards instead of
 * copying every message to every node.
 */
class RedisClusterTest {

    private static RedisCluster cluster;
    private static ClientResources resources;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start();
        resources = DefaultClientResources.create();
    }

    @AfterAll
    static void stopCluster() {
        if (resources != null) {
            resources.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RedisBackplaneOptions.Builder options(RedisMode mode, String prefix) {
        return RedisBackplaneOptions.builder().uris(cluster.uris()).mode(mode).channelPrefix(prefix);
    }

    /**
     * The specification with sharded pub/sub, single-server cases. Its two-server cases end each
     * scenario with a marker on the {@code all} channel and rely on messages of other channels
     * arriving before it at the other server; sharded pub/sub keeps order per channel only (each
     * channel lives on its own shard), so they do not apply: {@link #shardedModeRoutesEveryCallAcrossServers}
     * covers two servers with per-channel markers instead.
     */
    @Nested
    class ShardedPubSubSpecification extends BackplaneSpecification {

        private final RedisBackplaneFactory factory = new RedisBackplaneFactory(
                options(RedisMode.CLUSTER_SHARDED, "sharded-" + UUID.randomUUID() + "/").build(), resources);

        @Override
        protected Backplane createBackplane(BackplaneHubContext hub) {
            return factory.create(hub);
        }
    }

    /** The specification with classic pub/sub through the cluster (what ASP.NET Core does there). */
    @Nested
    class ClassicPubSubSpecification extends BackplaneSpecification {

        private final RedisBackplaneFactory factory = new RedisBackplaneFactory(
                options(RedisMode.CLUSTER, "classic-" + UUID.randomUUID() + "/").build(), resources);

        @Override
        protected Backplane createBackplane(BackplaneHubContext hub) {
            return factory.create(hub);
        }

        @Override
        protected Backplane createSecondServerBackplane(BackplaneHubContext hub) {
            return factory.create(hub);
        }
    }

    @Test
    void shardedModeSpreadsChannelsAndTrafficOverTheShards() {
        String prefix = "spread-" + UUID.randomUUID() + "/";
        RedisBackplaneOptions options = options(RedisMode.CLUSTER_SHARDED, prefix).build();
        HubProtocols protocols = HubProtocols.of(new JsonHubProtocol(), new MessagePackHubProtocol());
        try (HubServer one = HubServer.start(options, protocols); HubServer two = HubServer.start(options, protocols)) {
            List<String> groups = IntStream.range(0, 12).mapToObj(i -> "group-" + i).toList();
            List<WireClient> members = new ArrayList<>();
            for (String group : groups) {
                WireClient member = two.connect(new JsonHubProtocol(), null);
                one.backplane().addToGroup(member.connectionId(), group).block(WireClient.TIMEOUT);
                members.add(member);
            }
            cluster.nodes().forEach(node -> node.cli("config", "resetstat"));

            for (String group : groups) {
                one.backplane().sendGroup(group, "m", new Object[] {group}).block(WireClient.TIMEOUT);
            }
            for (String group : groups) { // order holds per channel: a marker on the same channel
                one.backplane().sendGroup(group, "m", new Object[] {"end"}).block(WireClient.TIMEOUT);
            }

            for (int i = 0; i < groups.size(); i++) {
                assertThat(receivedBefore(members.get(i), "m", "end")).containsExactly(groups.get(i));
            }
            // every group channel is a shard channel on exactly one node; the nodes share them out
            Map<String, Integer> nodesPerChannel = new HashMap<>();
            int nodesWithChannels = 0;
            int nodesWithPublishes = 0;
            for (RedisServer node : cluster.nodes()) {
                List<String> shardChannels = lines(node.cli("pubsub", "shardchannels", prefix + "TestHub:group:*"));
                shardChannels.forEach(channel -> nodesPerChannel.merge(channel, 1, Integer::sum));
                nodesWithChannels += shardChannels.isEmpty() ? 0 : 1;
                assertThat(lines(node.cli("pubsub", "channels", prefix + "*"))).as("no classic subscription").isEmpty();
                nodesWithPublishes += spublishCalls(node) > 0 ? 1 : 0;
            }
            assertThat(nodesPerChannel.keySet()).containsExactlyInAnyOrderElementsOf(
                    groups.stream().map(group -> prefix + "TestHub:group:" + group).toList());
            assertThat(nodesPerChannel.values()).allMatch(count -> count == 1);
            assertThat(nodesWithChannels).as("nodes holding group channels").isGreaterThanOrEqualTo(2);
            assertThat(nodesWithPublishes).as("nodes that took publishes").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void shardedModeRoutesEveryCallAcrossServers() {
        RedisBackplaneOptions options = options(RedisMode.CLUSTER_SHARDED, "routes-" + UUID.randomUUID() + "/").build();
        HubProtocols protocols = HubProtocols.of(new JsonHubProtocol(), new MessagePackHubProtocol());
        try (HubServer one = HubServer.start(options, protocols); HubServer two = HubServer.start(options, protocols)) {
            WireClient a = one.connect(new JsonHubProtocol(), "ann");
            WireClient b = two.connect(new MessagePackHubProtocol(), "ann");
            WireClient c = two.connect(new JsonHubProtocol(), "bob");
            one.backplane().addToGroup(b.connectionId(), "room").block(WireClient.TIMEOUT);
            two.backplane().addToGroup(a.connectionId(), "room").block(WireClient.TIMEOUT);
            one.backplane().addToGroup(c.connectionId(), "lobby").block(WireClient.TIMEOUT);

            one.backplane().sendAll("m", new Object[] {"all"}).block(WireClient.TIMEOUT);
            two.backplane().sendAllExcept("m", new Object[] {"all but b"}, List.of(b.connectionId()))
                    .block(WireClient.TIMEOUT);
            one.backplane().sendConnections(List.of(a.connectionId(), c.connectionId()), "m", new Object[] {"a and c"})
                    .block(WireClient.TIMEOUT);
            two.backplane().sendGroup("room", "m", new Object[] {"room"}).block(WireClient.TIMEOUT);
            one.backplane().sendGroupExcept("room", "m", new Object[] {"room but a"}, List.of(a.connectionId()))
                    .block(WireClient.TIMEOUT);
            one.backplane().sendGroups(List.of("lobby"), "m", new Object[] {"lobby"}).block(WireClient.TIMEOUT);
            two.backplane().sendUser("ann", "m", new Object[] {"ann"}).block(WireClient.TIMEOUT);
            one.backplane().sendUsers(List.of("bob"), "m", new Object[] {"bob"}).block(WireClient.TIMEOUT);
            // end markers on every channel a client hears: all, its connection, its user, its groups
            one.backplane().sendAll("end", new Object[0]).block(WireClient.TIMEOUT);
            for (WireClient client : List.of(a, b, c)) {
                two.backplane().sendConnection(client.connectionId(), "end", new Object[0]).block(WireClient.TIMEOUT);
            }
            for (String user : List.of("ann", "bob")) {
                one.backplane().sendUser(user, "end", new Object[0]).block(WireClient.TIMEOUT);
            }
            for (String group : List.of("room", "lobby")) {
                two.backplane().sendGroup(group, "end", new Object[0]).block(WireClient.TIMEOUT);
            }

            assertThat(beforeMarkers(a, 4)).containsExactlyInAnyOrder("all", "all but b", "a and c", "room", "ann");
            assertThat(beforeMarkers(b, 4)).containsExactlyInAnyOrder("all", "room", "room but a", "ann");
            assertThat(beforeMarkers(c, 4)).containsExactlyInAnyOrder("all", "all but b", "a and c", "lobby", "bob");
        }
    }

    /** The {@code m} messages a client got before its {@code markers} {@code end} markers (one per channel it hears). */
    private static List<Object> beforeMarkers(WireClient client, int markers) {
        List<Object> received = new ArrayList<>();
        int seen = 0;
        while (seen < markers) {
            io.hubkit.core.protocol.InvocationMessage message = client.await(io.hubkit.core.protocol.InvocationMessage.class,
                    m -> m.target().equals("m") || m.target().equals("end"));
            if (message.target().equals("end")) {
                seen++;
            } else {
                received.add(message.arguments().get(0));
            }
        }
        return received;
    }

    private static List<String> lines(String output) {
        return output.isBlank() ? List.of() : Arrays.stream(output.split("\\R")).filter(s -> !s.isBlank()).toList();
    }

    private static long spublishCalls(RedisServer node) {
        Matcher matcher = Pattern.compile("cmdstat_spublish:calls=(\\d+)").matcher(node.cli("info", "commandstats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
