package io.hubkit.benchmarks.report;

/** The names of the headline figures scenarios report and the report compares. */
public final class Headlines {

    /** connections: connections held at the end. */
    public static final String CONNECTIONS = "connections";
    /** connections: connections opened per second. */
    public static final String CONNECT_RATE = "connectsPerSec";
    /** connections: slope of heap + direct memory over connections, bytes per connection. */
    public static final String HEAP_DIRECT_PER_CONNECTION = "heapPlusDirectBytesPerConnection";
    /** connections: slope of the process's resident set over connections, bytes per connection. */
    public static final String RSS_PER_CONNECTION = "rssBytesPerConnection";
    /** broadcast, group, scale-out: highest delivered msgs/s among sustained steps. */
    public static final String MAX_SUSTAINED_DELIVERED = "maxSustainedDeliveredPerSec";
    /** broadcast, group: highest delivered msgs/s of any step (sustained or not). */
    public static final String MAX_DELIVERED = "maxDeliveredPerSec";
    /** broadcast: p99 latency (ms) at half the highest sustained rate. */
    public static final String P99_AT_HALF_RATE = "p99MsAtHalfRate";
    /** broadcast: p50 latency (ms) at half the highest sustained rate. */
    public static final String P50_AT_HALF_RATE = "p50MsAtHalfRate";
    /** echo: highest echo rate held with p99 under the limit. */
    public static final String MAX_ECHO_RATE = "maxEchoPerSecP99Under10ms";
    /** echo: p99 (ms) at that rate. */
    public static final String P99_AT_MAX_ECHO = "p99MsAtMaxEchoRate";

    private Headlines() {
    }

    /** The broadcast figure for one client count: {@code maxSustainedDeliveredPerSec@1000}. */
    public static String atClients(String figure, int clients) {
        return figure + "@" + clients;
    }

    /** The scale-out figure for one server count: {@code groupDeliveredPerSec@2servers}. */
    public static String atServers(String figure, int servers) {
        return figure + "@" + servers + "servers";
    }
}
