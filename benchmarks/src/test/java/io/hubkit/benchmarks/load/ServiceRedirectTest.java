package io.hubkit.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The URLs a client derives from a hub service redirect, as the official clients derive them. */
class ServiceRedirectTest {

    private static final String REDIRECT =
            "http://127.0.0.1:8888/client/?hub=benchmarkhub&asrs.op=%2Fhubs%2Fbench&asrs_request_id=r1";

    @Test
    void negotiatesAtTheRedirectPathWithItsQueryKept() {
        assertThat(ServiceRedirect.negotiateUrl(REDIRECT)).isEqualTo(
                "http://127.0.0.1:8888/client/negotiate?hub=benchmarkhub&asrs.op=%2Fhubs%2Fbench&asrs_request_id=r1"
                        + "&negotiateVersion=1");
        assertThat(ServiceRedirect.negotiateUrl("http://h/client")).isEqualTo("http://h/client/negotiate?negotiateVersion=1");
    }

    @Test
    void opensTheWebSocketAtTheRedirectWithBothTokensEncoded() {
        URI uri = ServiceRedirect.webSocketUri(REDIRECT, "a+b/c=", "x.y.z");
        assertThat(uri.toString()).isEqualTo("ws://127.0.0.1:8888/client/?hub=benchmarkhub&asrs.op=%2Fhubs%2Fbench"
                + "&asrs_request_id=r1&id=a%2Bb%2Fc%3D&access_token=x.y.z");
        assertThat(ServiceRedirect.webSocketUri("https://h/client/?hub=a", "t", "k").toString())
                .isEqualTo("wss://h/client/?hub=a&id=t&access_token=k");
    }
}
