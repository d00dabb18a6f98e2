package io.hubkit.samples.interop.web;

import io.hubkit.core.context.HubContext;
import io.hubkit.samples.interop.hubs.TestHub;
import io.hubkit.samples.interop.security.TestTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The plain HTTP endpoints of the test contract: a bearer token, a client result asked of a
 * connection of {@code /testhub}, and deployment information.
 */
@RestController
public class TestServerController {

    private final TestTokens tokens;
    private final HubContext<TestHub> testHub;

    public TestServerController(TestTokens tokens, HubContext<TestHub> testHub) {
        this.tokens = tokens;
        this.testHub = testHub;
    }

    /** A fresh HS256 token (text) whose NameIdentifier is {@code user}, valid for five seconds. */
    @GetMapping(path = "/generateJwtToken", produces = MediaType.TEXT_PLAIN_VALUE)
    public String generateJwtToken(@RequestParam(defaultValue = "testuser") String user) {
        return tokens.issue(user);
    }

    /**
     * Calls the client method {@code Result} (no arguments) on connection {@code connectionId} and
     * answers the int it returns, or the error's text ({@code Error: from callback},
     * {@code Client didn't provide a result.}).
     */
    @GetMapping(path = "/clientresult/{connectionId}", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> clientResult(@PathVariable String connectionId) {
        return testHub.clients().client(connectionId).invoke(Integer.class, "Result")
                .map(String::valueOf)
                .onErrorResume(error -> Mono.just(String.valueOf(error.getMessage())));
    }

    /** What is deployed (informational). */
    @GetMapping(path = "/deployment", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> deployment() {
        Package own = TestServerController.class.getPackage();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Application", "hubkit-sample-interop");
        info.put("Version", own.getImplementationVersion() == null ? "development" : own.getImplementationVersion());
        info.put("Java", Runtime.version().toString());
        return info;
    }
}
