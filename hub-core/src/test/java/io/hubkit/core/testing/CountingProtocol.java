package io.hubkit.core.testing;

import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real protocol that counts how often it encodes an Invocation of each target, to show that a
 * broadcast is encoded once per protocol however many connections receive it. Same name and
 * bytes as the protocol it wraps. Thread-safe.
 */
public final class CountingProtocol implements HubProtocol {

    private final HubProtocol delegate;
    private final Map<String, AtomicInteger> invocationWrites = new ConcurrentHashMap<>();

    public CountingProtocol(HubProtocol delegate) {
        this.delegate = delegate;
    }

    /** How many times an Invocation of {@code target} was encoded. */
    public int invocationWrites(String target) {
        AtomicInteger count = invocationWrites.get(target);
        return count == null ? 0 : count.get();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int version() {
        return delegate.version();
    }

    @Override
    public TransferFormat transferFormat() {
        return delegate.transferFormat();
    }

    @Override
    public boolean isVersionSupported(int version) {
        return delegate.isVersionSupported(version);
    }

    @Override
    public HubMessage parseMessage(ByteBuffer input, InvocationBinder binder) {
        return delegate.parseMessage(input, binder);
    }

    @Override
    public byte[] writeMessage(HubMessage message) {
        if (message instanceof InvocationMessage invocation) {
            invocationWrites.computeIfAbsent(invocation.target(), t -> new AtomicInteger()).incrementAndGet();
        }
        return delegate.writeMessage(message);
    }

    @Override
    public String toString() {
        return "Counting" + delegate;
    }
}
