package io.hubkit.benchmarks.jmh;

import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Writing and parsing one framed record of each message type, in each hub protocol. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {

    @Param({"json", "messagepack"})
    public String protocol;

    @Param({"invocation", "nonBlockingInvocation", "streamInvocation", "streamItem", "completion", "cancelInvocation",
            "ping", "close"})
    public String messageType;

    private HubProtocol hubProtocol;
    private HubMessage message;
    private byte[] encoded;

    @Setup
    public void setUp() {
        hubProtocol = BenchmarkMessages.protocol(protocol);
        message = BenchmarkMessages.message(messageType);
        encoded = hubProtocol.writeMessage(message);
        HubMessage parsed = hubProtocol.parseMessage(ByteBuffer.wrap(encoded), BenchmarkMessages.BINDER);
        if (parsed == null || parsed.type() != message.type()) {
            throw new IllegalStateException("round trip of " + messageType + " gave " + parsed);
        }
    }

    @Benchmark
    public byte[] write() {
        return hubProtocol.writeMessage(message);
    }

    @Benchmark
    public HubMessage parse() {
        return hubProtocol.parseMessage(ByteBuffer.wrap(encoded), BenchmarkMessages.BINDER);
    }
}
