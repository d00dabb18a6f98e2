package io.hubkit.core.observe;

import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.protocol.HubMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Combines and guards observers: {@link #guarded} makes an observer (and the connection observers it
 * returns) safe for the runtime to call, logging what it throws instead of letting it disturb a
 * connection (the first failure at WARN with its stack trace, later ones at DEBUG, so that a broken
 * observer on a hot path cannot flood the log); {@link #composite} tells several observers in turn,
 * each guarded. Thread-safe.
 */
public final class HubObservers {

    private static final Logger log = LoggerFactory.getLogger(HubObservers.class);
    private static final AtomicBoolean warned = new AtomicBoolean();

    private HubObservers() {
    }

    /** {@code observer} with every call guarded; {@link HubObserver#NONE} stays itself. */
    public static HubObserver guarded(HubObserver observer) {
        if (observer == null || observer == HubObserver.NONE) {
            return HubObserver.NONE;
        }
        if (observer instanceof Composite) {
            return observer;
        }
        return new Composite(List.of(observer));
    }

    /** An observer telling each of {@code observers} in order, each call guarded. */
    public static HubObserver composite(List<HubObserver> observers) {
        List<HubObserver> parts = new ArrayList<>();
        for (HubObserver observer : observers) {
            if (observer != null && observer != HubObserver.NONE) {
                parts.add(observer);
            }
        }
        return parts.isEmpty() ? HubObserver.NONE : new Composite(List.copyOf(parts));
    }

    private static void failed(String hook, RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            log.warn("A hub observer failed in {} (further failures are logged at DEBUG)", hook, e);
        } else {
            log.debug("A hub observer failed in {}", hook, e);
        }
    }

    /** Several hub observers (or one), every call guarded. */
    private static final class Composite implements HubObserver {

        private final List<HubObserver> observers;

        Composite(List<HubObserver> observers) {
            this.observers = observers;
        }

        @Override
        public ConnectionObserver connectionOpened(HubConnection connection) {
            List<ConnectionObserver> parts = new ArrayList<>(observers.size());
            for (HubObserver observer : observers) {
                try {
                    ConnectionObserver part = observer.connectionOpened(connection);
                    if (part != null && part != ConnectionObserver.NONE) {
                        parts.add(part);
                    }
                } catch (RuntimeException e) {
                    failed("connectionOpened", e);
                }
            }
            return parts.isEmpty() ? ConnectionObserver.NONE : new CompositeConnection(parts);
        }

        @Override
        public void backplaneCall(BackplaneOperation operation, long durationNanos, Throwable error) {
            for (HubObserver observer : observers) {
                try {
                    observer.backplaneCall(operation, durationNanos, error);
                } catch (RuntimeException e) {
                    failed("backplaneCall", e);
                }
            }
        }
    }

    /** Several connection observers (or one), every call guarded. */
    private static final class CompositeConnection implements ConnectionObserver {

        private final ConnectionObserver[] observers;

        CompositeConnection(List<ConnectionObserver> observers) {
            this.observers = observers.toArray(new ConnectionObserver[0]);
        }

        @Override
        public void messageReceived(HubMessage message, int bytes) {
            for (ConnectionObserver observer : observers) {
                try {
                    observer.messageReceived(message, bytes);
                } catch (RuntimeException e) {
                    failed("messageReceived", e);
                }
            }
        }

        @Override
        public void messagesSent(int messages, int bytes) {
            for (ConnectionObserver observer : observers) {
                try {
                    observer.messagesSent(messages, bytes);
                } catch (RuntimeException e) {
                    failed("messagesSent", e);
                }
            }
        }

        @Override
        public void closed(CloseReason reason, Throwable error) {
            for (ConnectionObserver observer : observers) {
                try {
                    observer.closed(reason, error);
                } catch (RuntimeException e) {
                    failed("closed", e);
                }
            }
        }
    }
}
