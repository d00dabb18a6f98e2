package io.hubkit.benchmarks.apps.stats;

/**
 * What a server under test reports about itself on {@code GET /bench/stats}, measured right after
 * a full garbage collection so that the heap figure is live data, not garbage.
 *
 * @param connections      client connections the server holds now
 * @param heapUsedBytes    live heap (JavaScript heap for Node)
 * @param directUsedBytes  off-heap buffers: NIO direct buffers plus Netty's own direct memory
 *                         (ArrayBuffers and other external memory for Node)
 * @param rssBytes         resident set size of the whole process
 */
public record ServerStats(long connections, long heapUsedBytes, long directUsedBytes, long rssBytes) {

    /** Heap plus direct memory: the figure the per-connection memory target is about. */
    public long heapPlusDirectBytes() {
        return heapUsedBytes + directUsedBytes;
    }

    /** The JSON object the stats endpoints answer with. */
    public String toJson() {
        return "{\"connections\":" + connections + ",\"heapUsedBytes\":" + heapUsedBytes
                + ",\"directUsedBytes\":" + directUsedBytes + ",\"rssBytes\":" + rssBytes + "}";
    }
}
