package io.hubkit.core.dispatch;

import io.hubkit.core.HubAuthorizationException;
import io.hubkit.core.connection.ErrorMessages;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One running invocation of a hub method on one connection: binds its arguments (opening its
 * upload streams), runs it through the filters, and answers — a Completion with the result or the
 * error text, or a server stream through a {@link ServerStreamSender}. When it ends it closes its
 * upload streams, forgets its server stream and frees its invocation slot; a non-streaming one
 * then tells its dispatcher it has answered (a graceful shutdown waits for that). Started from the
 * receive loop; finishes on whichever thread the hub method completes on.
 */
final class HubInvocation {

    private static final Logger log = LoggerFactory.getLogger(HubInvocation.class);
    private static final Object NO_VALUE = new Object();

    private final ConnectionHubDispatcher owner;
    private final HubMethod method;
    private final String target;
    private final String invocationId;
    private final List<Object> arguments;
    private final List<String> streamIds;
    private final List<UploadStream> uploadStreams = new ArrayList<>();
    private volatile boolean limited;
    private volatile ServerStreamSender sender;

    HubInvocation(ConnectionHubDispatcher owner, HubMethod method, String target, String invocationId,
                  List<Object> arguments, List<String> streamIds) {
        this.owner = owner;
        this.method = method;
        this.target = target;
        this.invocationId = invocationId;
        this.arguments = arguments;
        this.streamIds = streamIds;
    }

    /** Runs a non-streaming invocation; {@code holdsSlot} when it took a limiter slot. */
    void start(boolean holdsSlot) {
        limited = holdsSlot;
        if (owner.isClosed()) {
            finished();
            owner.invocationAnswered();
            return;
        }
        Mono<Object> result = run();
        result.defaultIfEmpty(NO_VALUE).subscribe(
                value -> {
                    answer(value == NO_VALUE ? null : value);
                    owner.invocationAnswered();
                },
                error -> {
                    log.debug("Hub method '{}' failed", target, error);
                    finished();
                    if (ConnectionHubDispatcher.hasId(invocationId)) {
                        owner.sendError(invocationId, errorText(error));
                    }
                    owner.invocationAnswered();
                });
    }

    /** Runs a streaming invocation whose items {@code sender} sends. */
    void startStream(ServerStreamSender streamSender) {
        sender = streamSender;
        if (owner.isClosed()) {
            sender.connectionClosed();
            return;
        }
        Disposable work = run().defaultIfEmpty(NO_VALUE).subscribe(value -> {
            if (!(value instanceof Publisher<?> publisher)) {
                sender.failBeforeStart("The value returned by the streaming method '" + method.method().getName()
                        + "' is not a ChannelReader<> or IAsyncEnumerable<>.");
                return;
            }
            Flux<Object> items = Flux.from(publisher);
            (method.isBlocking() ? items.subscribeOn(Schedulers.boundedElastic()) : items).subscribe(sender);
        }, error -> {
            log.debug("Streaming hub method '{}' failed", target, error);
            sender.failBeforeStart(errorText(error));
        });
        sender.starting(work);
    }

    /** The text a failed invocation answers with; a refusal by authorization has its own fixed text. */
    private String errorText(Throwable error) {
        if (error instanceof HubAuthorizationException) {
            return HubAuthorizationException.clientMessage(target);
        }
        return ErrorMessages.build(ConnectionHubDispatcher.unexpectedError(target), error, owner.detailedErrors());
    }

    private Mono<Object> run() {
        Object[] args;
        try {
            args = bind();
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
        HubInvocationContext invocation = new HubInvocationContext(owner.hub(), method.method(), target,
                Collections.unmodifiableList(Arrays.asList(args)), owner.context(), owner.clients(), owner.groups());
        return owner.filters().invokeMethod(invocation,
                c -> method.invoke(c.hub(), c.arguments().toArray()));
    }

    private Object[] bind() {
        for (int i = 0; i < streamIds.size(); i++) {
            uploadStreams.add(owner.openUpload(streamIds.get(i), method.uploadTypes().get(i)));
        }
        Object[] args = new Object[method.parameters().size()];
        int wire = 0;
        int upload = 0;
        for (int i = 0; i < args.length; i++) {
            HubParameter parameter = method.parameters().get(i);
            args[i] = switch (parameter.source()) {
                case WIRE -> arguments.get(wire++);
                case UPLOAD_STREAM -> uploadStreams.get(upload++).flux();
                case CALLER_CONTEXT -> owner.context();
                case CALLER_CLIENTS -> owner.clients();
                case GROUPS -> owner.groups();
                case PRINCIPAL -> owner.principalFor(parameter);
                case ERROR -> null;
            };
        }
        return args;
    }

    /**
     * Frees the slot first, then answers: a client that waits for the answer before its next
     * call finds the slot free, so the receive loop does not have to wait (and resume on the
     * thread that completed this invocation).
     */
    private void answer(Object value) {
        finished();
        if (ConnectionHubDispatcher.hasId(invocationId)) {
            SerializedHubMessage completion = new SerializedHubMessage(CompletionMessage.withResult(invocationId, value));
            try {
                completion.encoded(owner.connection().protocol());
            } catch (RuntimeException e) {
                log.error("The result of hub method '{}' cannot be encoded", target, e);
                completion = new SerializedHubMessage(CompletionMessage.withError(invocationId,
                        ErrorMessages.build(ConnectionHubDispatcher.unexpectedError(target), e, owner.detailedErrors())));
            }
            owner.connection().send(completion);
        }
    }

    /** Ends the invocation's upload streams, forgets its server stream and frees its limiter slot. */
    void finished() {
        for (int i = 0; i < uploadStreams.size(); i++) {
            owner.closeUpload(streamIds.get(i), uploadStreams.get(i));
        }
        ServerStreamSender streamSender = sender;
        if (streamSender != null) {
            owner.forgetStream(invocationId, streamSender);
        }
        if (limited) {
            limited = false;
            owner.releaseSlot();
        }
    }
}
