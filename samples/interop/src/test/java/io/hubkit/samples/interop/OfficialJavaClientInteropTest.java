package io.hubkit.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.signalr.HubConnection;
import com.microsoft.signalr.HubConnectionBuilder;
import com.microsoft.signalr.HubConnectionState;
import com.microsoft.signalr.HubException;
import com.microsoft.signalr.TransportEnum;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.subjects.ReplaySubject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official Java client ({@code com.microsoft.signalr:signalr}, which speaks JSON over WebSockets
 * and long polling) against the interop server: invocations and sends, both stream directions,
 * client results, the server's error texts, and the JWT-protected hub.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialJavaClientInteropTest {

    private static final long WAIT_SECONDS = 15;
    private static final String MESSAGE = "你好，世界！";

    /** The contract's CustomObject as the Java client (Gson) writes it: field names are property names. */
    static final class CustomObject {
        String Name;
        int Value;
    }

    @LocalServerPort
    int port;

    private HubConnection connection;

    @AfterEach
    void stop() {
        if (connection != null && connection.getConnectionState() != HubConnectionState.DISCONNECTED) {
            connection.stop().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportEnum.class, names = {"WEBSOCKETS", "LONG_POLLING"})
    void invokesSendsAndReceives(TransportEnum transport) throws Exception {
        connection = start("/testhub", transport);
        assertThat(connection.invoke(String.class, "Echo", MESSAGE).blockingGet()).isEqualTo(MESSAGE);
        assertThat(connection.invoke(String.class, "GetCallerConnectionId").blockingGet())
                .isEqualTo(connection.getConnectionId());
        assertThat(connection.invoke(String.class, "GetActiveTransportName").blockingGet())
                .isEqualTo(transport == TransportEnum.WEBSOCKETS ? "WebSockets" : "LongPolling");

        CompletableFuture<String> message = new CompletableFuture<>();
        connection.on("Message", message::complete, String.class);
        connection.send("InvokeWithString", "sent, not invoked");
        assertThat(message.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("sent, not invoked");

        CompletableFuture<CustomObject> custom = new CompletableFuture<>();
        connection.on("CustomObject", custom::complete, CustomObject.class);
        CustomObject sent = new CustomObject();
        sent.Name = "test";
        sent.Value = 42;
        connection.invoke("SendCustomObject", sent).blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
        CustomObject received = custom.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(received.Name).isEqualTo("test");
        assertThat(received.Value).isEqualTo(42);
    }

    /**
     * Over long polling the Java client posts every message at once without waiting for the previous
     * POST (unlike the JS client), so messages sent back to back may arrive in any order — against
     * any server. The upload items are therefore paced there; over WebSockets they go back to back.
     */
    @ParameterizedTest
    @EnumSource(value = TransportEnum.class, names = {"WEBSOCKETS", "LONG_POLLING"})
    void streamsBothWays(TransportEnum transport) throws InterruptedException {
        connection = start("/testhub", transport);
        assertThat(connection.stream(String.class, "Stream").toList().blockingGet()).containsExactly("a", "b", "c");

        long pace = transport == TransportEnum.LONG_POLLING ? 100 : 0;
        ReplaySubject<String> upload = ReplaySubject.create();
        Single<String> concatenated = connection.invoke(String.class, "StreamingConcat", upload);
        for (String part : new String[] {"Hello ", "world", "!"}) {
            Thread.sleep(pace);
            upload.onNext(part);
        }
        Thread.sleep(pace);
        upload.onComplete();
        assertThat(concatenated.blockingGet()).isEqualTo("Hello world!");
    }

    @ParameterizedTest
    @EnumSource(value = TransportEnum.class, names = {"WEBSOCKETS", "LONG_POLLING"})
    void answersClientResults(TransportEnum transport) throws Exception {
        connection = start("/testhub", transport);
        connection.onWithResult("Result", () -> Single.just(10));
        assertThat(get("/clientresult/" + connection.getConnectionId())).isEqualTo("10");

        HubConnection failing = start("/testhub", transport);
        try {
            failing.onWithResult("Result", () -> Single.error(new IllegalStateException("from callback")));
            assertThat(get("/clientresult/" + failing.getConnectionId())).contains("from callback");
        } finally {
            failing.stop().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportEnum.class, names = {"WEBSOCKETS", "LONG_POLLING"})
    void getsTheServersErrors(TransportEnum transport) {
        connection = start("/testhub", transport);
        assertThatThrownBy(() -> connection.invoke(String.class, "ThrowException", "An error occurred.").blockingGet())
                .isInstanceOf(HubException.class)
                .hasMessage("An unexpected error occurred invoking 'ThrowException' on the server. "
                        + "InvalidOperationException: An error occurred.");
        assertThatThrownBy(() -> connection.invoke(String.class, "EmptyStream").blockingGet())
                .hasMessage("The client attempted to invoke the streaming 'EmptyStream' method with a non-streaming invocation.");
        assertThatThrownBy(() -> connection.stream(String.class, "Echo", "42").toList().blockingGet())
                .hasMessageContaining("The client attempted to invoke the non-streaming 'Echo' method with a streaming invocation.");
        assertThatThrownBy(() -> connection.stream(String.class, "StreamThrowException", "An error occurred.")
                .toList().blockingGet())
                .hasMessageContaining("An unexpected error occurred invoking 'StreamThrowException' on the server. "
                        + "InvalidOperationException: An error occurred.");
        assertThat(connection.invoke(String.class, "Echo", "still connected").blockingGet()).isEqualTo("still connected");
    }

    @ParameterizedTest
    @EnumSource(value = TransportEnum.class, names = {"WEBSOCKETS", "LONG_POLLING"})
    void reachesTheAuthorizedHubWithABearerToken(TransportEnum transport) {
        connection = HubConnectionBuilder.create(url("/authorizedhub"))
                .withTransport(transport)
                .withAccessTokenProvider(Single.defer(() -> Single.just(get("/generateJwtToken?user=javauser"))))
                .build();
        connection.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(connection.invoke(String.class, "Echo", MESSAGE).blockingGet()).isEqualTo(MESSAGE);
        assertThat(connection.invoke(String.class, "GetUserNameIdentifier").blockingGet()).isEqualTo("javauser");

        HubConnection anonymous = HubConnectionBuilder.create(url("/authorizedhub")).withTransport(transport).build();
        assertThatThrownBy(() -> anonymous.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasMessageContaining("401");
    }

    private HubConnection start(String path, TransportEnum transport) {
        HubConnection started = HubConnectionBuilder.create(url(path)).withTransport(transport).build();
        started.start().blockingAwait(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(started.getConnectionState()).isEqualTo(HubConnectionState.CONNECTED);
        return started;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
