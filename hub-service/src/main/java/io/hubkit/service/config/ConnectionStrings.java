package io.hubkit.service.config;

import java.net.URI;

/**
 * Builds the connection string an application uses to reach this service, in the shape Azure
 * SignalR Service and its emulator print: {@code Endpoint=http://localhost;Port=8888;AccessKey=…;Version=1.0;}
 * ({@code Port} only when the endpoint names one). Stateless.
 */
public final class ConnectionStrings {

    private ConnectionStrings() {
    }

    /** The public endpoint: {@code configured} when set, else {@code http://localhost:<port>}. */
    public static URI publicEndpoint(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("hubkit.service.public-endpoint must be an absolute http(s) URL: "
                        + configured);
            }
            return uri;
        }
        return URI.create("http://localhost:" + port);
    }

    /** The connection string of {@code endpoint} with {@code accessKey}. */
    public static String of(URI endpoint, String accessKey) {
        StringBuilder text = new StringBuilder("Endpoint=").append(endpoint.getScheme()).append("://")
                .append(endpoint.getHost());
        String path = endpoint.getRawPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            text.append(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
        text.append(';');
        if (endpoint.getPort() > 0) {
            text.append("Port=").append(endpoint.getPort()).append(';');
        }
        return text.append("AccessKey=").append(accessKey).append(";Version=1.0;").toString();
    }
}
