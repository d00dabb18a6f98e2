package io.hubkit.samples.interop.hubs;

import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The functional tests' {@code TestHub} at {@code /testhub}: every method behaves as on the ASP.NET
 * Core test server (names match case-insensitively, so {@code Echo} reaches {@link #echo}).
 * "The connection's HTTP request" is the WebSocket upgrade, the event-stream GET or the first poll.
 */
@Hub("/testhub")
public class TestHub {

    private static final UUID GUID = UUID.fromString("00010203-0405-0607-0706-050403020100");

    public String echo(String message) {
        return message;
    }

    public String getCallerConnectionId(HubCallerContext caller) {
        return caller.connectionId();
    }

    public int getNumRedirects(HubCallerContext caller) {
        return Integer.parseInt(caller.connectionInfo().queryParam("numRedirects"));
    }

    public void throwException(String message) {
        throw new InvalidOperationException(message);
    }

    public Mono<Void> invokeWithString(String message, HubCallerClients clients) {
        return clients.caller().send("Message", message);
    }

    public Mono<Void> sendCustomObject(CustomObject customObject, HubCallerClients clients) {
        return clients.caller().send("CustomObject", customObject);
    }

    public Flux<String> stream() {
        return Flux.just("a", "b", "c");
    }

    /** Never yields; when the client cancels, it tells that client {@code StreamCanceled}. */
    public Flux<String> infiniteStream(HubCallerClients clients) {
        return Flux.<String>never().doOnCancel(() -> clients.caller().send("StreamCanceled").subscribe());
    }

    public Mono<String> streamingConcat(Flux<String> stream) {
        return stream.collect(Collectors.joining());
    }

    public Flux<Integer> emptyStream() {
        return Flux.empty();
    }

    public Flux<String> streamThrowException(String message) {
        throw new InvalidOperationException(message);
    }

    public String getActiveTransportName(HubCallerContext caller) {
        return caller.connectionInfo().transport();
    }

    public ComplexObject echoComplexObject(ComplexObject complexObject) {
        return complexObject;
    }

    public ComplexObject sendComplexObject() {
        return new ComplexObject("hello world", new int[] {1, 2, 3}, new byte[] {1, 2, 3}, GUID,
                Instant.parse("2000-01-01T00:00:00Z"));
    }

    public String getContentTypeHeader(HubCallerContext caller) {
        return caller.connectionInfo().header("Content-Type");
    }

    public String getHeader(String headerName, HubCallerContext caller) {
        return caller.connectionInfo().header(headerName);
    }

    public String getCookie(String cookieName, HubCallerContext caller) {
        return caller.connectionInfo().cookie(cookieName);
    }
}
