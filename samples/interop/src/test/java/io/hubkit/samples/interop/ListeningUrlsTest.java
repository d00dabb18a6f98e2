package io.hubkit.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lines the official test runner waits for: started as the README says, with
 * {@code --server.port} and TLS (a second, HTTPS listener with a certificate from a Spring SSL
 * bundle), the server prints {@code Now listening on: https://…} and {@code Now listening on:
 * http://…}, and both URLs serve the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class ListeningUrlsTest {

    private static final Pattern LISTENING = Pattern.compile("Now listening on: (https?)://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void printsOneLinePerListeningUrlAndHonoursTheServerPort(CapturedOutput output, @TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("interop.p12");
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "interop", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        assertThat(Files.exists(keystore)).isTrue();
        int httpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            httpPort = free.getLocalPort();
        }

        try (ConfigurableApplicationContext ignored = SpringApplication.run(InteropApplication.class,
                "--server.port=" + httpPort, "--interop.https.port=0",
                "--spring.ssl.bundle.jks.interop.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.interop.keystore.password=changeit",
                "--spring.ssl.bundle.jks.interop.keystore.type=PKCS12")) {
            Matcher lines = LISTENING.matcher(output.getOut());
            assertThat(lines.find()).as("the https line, first").isTrue();
            assertThat(lines.group(1)).isEqualTo("https");
            int httpsPort = Integer.parseInt(lines.group(2));
            assertThat(lines.find()).as("the http line").isTrue();
            assertThat(lines.group(1)).isEqualTo("http");
            assertThat(Integer.parseInt(lines.group(2))).as("--server.port").isEqualTo(httpPort);
            assertThat(lines.find()).as("one line per URL").isFalse();

            assertThat(status(HttpClient.newHttpClient(), "http://127.0.0.1:" + httpPort + "/deployment")).isEqualTo(200);
            HttpClient trustingClient = HttpClient.newBuilder().sslContext(trustEverything())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            assertThat(status(trustingClient, "https://127.0.0.1:" + httpsPort + "/deployment")).isEqualTo(200);
            assertThat(status(trustingClient, "https://127.0.0.1:" + httpsPort + "/generateJwtToken")).isEqualTo(200);
        }
    }

    private static int status(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The test's own self-signed certificate: trust any. */
    private static SSLContext trustEverything() throws Exception {
        X509TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, List.<TrustManager>of(all).toArray(new TrustManager[0]), new SecureRandom());
        return context;
    }
}
