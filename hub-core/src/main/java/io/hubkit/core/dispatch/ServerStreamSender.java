package io.hubkit.core.dispatch;

import io.hubkit.core.connection.ErrorMessages;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

/**
 * Sends one server-to-client stream: each item as a StreamItem, then exactly one Completion (empty
 * on completion or client cancellation, with an error when the stream fails). Requests one item at
 * a time and only while the connection's outbound queue has room, so a fast producer cannot flood
 * a slow client. Cancelled by the client's CancelInvocation or by the end of the connection (then
 * nothing more is sent).
 */
final class ServerStreamSender extends BaseSubscriber<Object> {

    private static final Logger log = LoggerFactory.getLogger(ServerStreamSender.class);
    private static final String STREAM_FAILED = "An error occurred on the server while streaming results.";

    private final HubConnection connection;
    private final String invocationId;
    private final boolean detailedErrors;
    private final Runnable onFinish;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Disposable starting;

    ServerStreamSender(HubConnection connection, String invocationId, boolean detailedErrors, Runnable onFinish) {
        this.connection = connection;
        this.invocationId = invocationId;
        this.detailedErrors = detailedErrors;
        this.onFinish = onFinish;
    }

    /** The pending work that will produce the stream (the hub method and its filters). */
    void starting(Disposable work) {
        this.starting = work;
        if (finished.get()) {
            work.dispose();
        }
    }

    /** The client cancelled: stop producing, still send the final Completion. */
    void cancelByClient() {
        stopProducing();
        finish(CompletionMessage.empty(invocationId));
    }

    /** The connection ended: stop producing, send nothing. */
    void connectionClosed() {
        stopProducing();
        if (finished.compareAndSet(false, true)) {
            onFinish.run();
        }
    }

    /** The stream could not be started: answer with {@code error}. */
    void failBeforeStart(String error) {
        finish(CompletionMessage.withError(invocationId, error));
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        requestNext();
    }

    @Override
    protected void hookOnNext(Object item) {
        SerializedHubMessage message = new SerializedHubMessage(new StreamItemMessage(invocationId, item));
        try {
            message.encoded(connection.protocol());
        } catch (RuntimeException e) {
            log.error("Stream item of invocation {} cannot be encoded", invocationId, e);
            stopProducing();
            finish(CompletionMessage.withError(invocationId, ErrorMessages.build(STREAM_FAILED, e, detailedErrors)));
            return;
        }
        connection.send(message);
        requestNext();
    }

    @Override
    protected void hookOnComplete() {
        finish(CompletionMessage.empty(invocationId));
    }

    @Override
    protected void hookOnError(Throwable error) {
        log.debug("Stream of invocation {} failed", invocationId, error);
        finish(CompletionMessage.withError(invocationId, ErrorMessages.build(STREAM_FAILED, error, detailedErrors)));
    }

    private void requestNext() {
        if (connection.isWritable()) {
            request(1);
        } else {
            connection.whenWritable(() -> {
                if (!isDisposed()) {
                    request(1);
                }
            });
        }
    }

    private void stopProducing() {
        dispose();
        Disposable work = starting;
        if (work != null) {
            work.dispose();
        }
    }

    private void finish(CompletionMessage completion) {
        if (finished.compareAndSet(false, true)) {
            onFinish.run();
            connection.send(completion);
        }
    }
}
