package io.hubkit.benchmarks.report;

/**
 * A server's memory with {@code connections} open idle connections, measured after a full GC.
 *
 * @param connections      the connections the server reported holding
 * @param heapUsedBytes    live heap
 * @param directUsedBytes  direct (off-heap) buffers
 * @param rssBytes         resident set of the whole process
 */
public record MemoryPoint(long connections, long heapUsedBytes, long directUsedBytes, long rssBytes) {

    public long heapPlusDirectBytes() {
        return heapUsedBytes + directUsedBytes;
    }
}
