package io.hubkit.benchmarks.jmh;

import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import java.util.List;
import java.util.Map;
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

/**
 * Dispatch of one invocation: the bytes of {@code echo(payload)} arrive on a connection, are
 * parsed, bound, dispatched to the hub method, and its Completion is written to the transport.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {

    @Param({"json", "messagepack"})
    public String protocol;

    private HubHarness harness;
    private byte[] invocation;
    private long answered;

    @Setup(Level.Trial)
    public void setUp() {
        HubProtocol hubProtocol = BenchmarkMessages.protocol(protocol);
        harness = new HubHarness(hubProtocol, 1);
        invocation = hubProtocol.writeMessage(
                new InvocationMessage("1", "echo", List.of(BenchmarkMessages.PAYLOAD), null, Map.of()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harness.close();
    }

    @Benchmark
    public void invokeEcho() {
        harness.receive(0, invocation);
        answered++;
        HubHarness.awaitAtLeast(harness.writes::get, answered);
    }
}
