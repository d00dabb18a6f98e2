package io.hubkit.benchmarks.jmh;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One broadcast to N connections through the runtime ({@code Clients.All.send} → backplane →
 * each connection's outbound queue → its transport), measured until every connection's transport
 * got the bytes; a burst of broadcasts to connections whose socket is busy, which leave in one
 * coalesced write per connection; beside them, the cost the runtime avoids: encoding the message
 * once per connection. With {@code jmh --gc}, bytes allocated per operation ÷ connections (÷
 * {@value #BURST} for the burst) is the runtime's allocation per delivered message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

    @Param({"json", "messagepack"})
    public String protocol;

    @Param({"10", "1000"})
    public int connections;

    /** Broadcasts per burst. */
    static final int BURST = 16;

    private HubHarness harness;
    private HubProtocol hubProtocol;
    private long sent;
    private long sentBytes;
    private int recordLength;

    @Setup(Level.Trial)
    public void setUp() {
        hubProtocol = BenchmarkMessages.protocol(protocol);
        harness = new HubHarness(hubProtocol, connections);
        recordLength = hubProtocol.writeMessage(
                InvocationMessage.nonBlocking("broadcast", List.of(BenchmarkMessages.PAYLOAD))).length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harness.close();
    }

    @Benchmark
    public void broadcastSerializedOnce() {
        harness.endpoint.hubContext().clients().all().send("broadcast", BenchmarkMessages.PAYLOAD).block();
        sent += connections;
        HubHarness.awaitAtLeast(harness.writes::get, sent);
    }

    @Benchmark
    public void burstToBusyConnections() {
        harness.holdWrites();
        for (int i = 0; i < BURST; i++) {
            harness.endpoint.hubContext().clients().all().send("broadcast", BenchmarkMessages.PAYLOAD).block();
        }
        harness.releaseWrites();
        sentBytes += (long) connections * BURST * recordLength;
        HubHarness.awaitAtLeast(harness.bytes::get, sentBytes);
    }

    @Benchmark
    public void encodeOncePerConnection(Blackhole blackhole) {
        InvocationMessage message = InvocationMessage.nonBlocking("broadcast", List.of(BenchmarkMessages.PAYLOAD));
        for (int i = 0; i < connections; i++) {
            blackhole.consume(hubProtocol.writeMessage(message));
        }
    }
}
