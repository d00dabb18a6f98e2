package io.hubkit.service.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamTemplateTest {

    @Test
    void patternsAreStarListsOrExactNames() {
        UpstreamTemplate all = UpstreamTemplate.forAll("http://host/api");
        assertThat(all.matches("chat", "messages", "send")).isTrue();

        UpstreamTemplate some = new UpstreamTemplate("http://host/api", "chat, news", "messages", "send,echo");
        assertThat(some.matches("chat", "messages", "send")).isTrue();
        assertThat(some.matches("news", "messages", "echo")).isTrue();
        assertThat(some.matches("other", "messages", "send")).isFalse();
        assertThat(some.matches("chat", "connections", "send")).isFalse();
        assertThat(some.matches("chat", "messages", "Send")).as("names are exact").isFalse();
    }

    @Test
    void blankPatternsMeanEverything() {
        UpstreamTemplate template = new UpstreamTemplate("http://host/api", null, "", " ");
        assertThat(template.matches("chat", "connections", "connected")).isTrue();
    }

    @Test
    void placeholdersAreReplacedWithEscapedValues() {
        UpstreamTemplate template = UpstreamTemplate.forAll("http://host:7071/runtime/{hub}/{category}/{event}?x=1");
        assertThat(template.url("chat", "messages", "say hello/now").toString())
                .isEqualTo("http://host:7071/runtime/chat/messages/say%20hello%2Fnow?x=1");
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> UpstreamTemplate.forAll("/relative/{event}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpstreamTemplate.forAll("ftp://host/{event}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signatureIsUpperHexHmacOfTheConnectionIdForEveryKey() {
        // expected values computed independently: HMAC-SHA256(key = UTF-8 of the key, message = "conn-1")
        String first = "sha256=261F7F58FF9FB9BB8BE7E4951A807FE6091E5C074885BF63B865ECCD28728881";
        String second = "sha256=B47E61BC471C3F236F6FB4C4AE461E1C4A8DBF6F24D993734B8A23E95DC176F2";
        assertThat(UpstreamSignature.of("conn-1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH")).isEqualTo(first);
        assertThat(UpstreamSignature.header("conn-1",
                List.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH", "second-key"))).isEqualTo(first + "," + second);
    }

    @Test
    void disconnectedBodyCarriesTheErrorOnlyWhenThereIsOne() {
        assertThat(new String(ServerlessUpstream.disconnectedBody(null))).isEqualTo("{\"type\":11}");
        assertThat(new String(ServerlessUpstream.disconnectedBody("bad \"thing\"\n")))
                .isEqualTo("{\"type\":11,\"error\":\"bad \\\"thing\\\"\\n\"}");
    }
}
