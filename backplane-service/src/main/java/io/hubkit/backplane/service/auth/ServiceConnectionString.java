package io.hubkit.backplane.service.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed Azure SignalR connection string such as
 * {@code Endpoint=https://foo.service.signalr.net;AccessKey=<key>;Version=1.0;}: {@code key=value}
 * entries separated by {@code ;}, keys case-insensitive, values trimmed, a value may contain
 * {@code =}, empty entries ignored, a repeated key is an error. Recognised keys: {@code Endpoint}
 * (required, absolute http/https), {@code AccessKey} (required unless {@code AuthType} is given),
 * {@code Version} ({@code 1.x}), {@code Port} (overrides the endpoint's port), {@code ClientEndpoint},
 * {@code ServerEndpoint}, {@code AuthType} ({@code azure}, {@code azure.msi}, {@code azure.app},
 * {@code aad}) with {@code ClientId}, {@code TenantId}, {@code ClientSecret}, {@code ClientCert}.
 * Unknown keys are ignored. Errors are {@link ConnectionStringException}s worded as the reference
 * SDK words them. Immutable and thread-safe; {@link #toString()} never shows a secret.
 */
public final class ServiceConnectionString {

    private static final Pattern VERSION = Pattern.compile("^1\\.\\d+(?:[\\w\\-.]+)?$");
    private static final String MISSING = "Connection string missing required properties";

    private final URI endpointUri;
    private final String endpoint;
    private final Integer port;
    private final String accessKey;
    private final String version;
    private final URI clientEndpointUri;
    private final URI serverEndpointUri;
    private final String authType;
    private final ServiceCredentialKind credentialKind;
    private final String clientId;
    private final String tenantId;
    private final String clientSecret;
    private final String clientCert;

    private ServiceConnectionString(Map<String, String> properties) {
        String endpointText = properties.get("endpoint");
        if (endpointText == null) {
            throw new ConnectionStringException(MISSING + " endpoint.");
        }
        endpointUri = uri(endpointText, "endpoint");
        port = port(properties.get("port"));
        endpoint = ServiceUris.normalize(endpointUri, port != null ? port : ServiceUris.effectivePort(endpointUri));
        version = properties.get("version");
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new ConnectionStringException("Version " + version + " is not supported.");
        }
        clientEndpointUri = optionalUri(properties.get("clientendpoint"), "clientEndpoint");
        serverEndpointUri = optionalUri(properties.get("serverendpoint"), "serverEndpoint");
        accessKey = properties.get("accesskey");
        authType = properties.get("authtype") == null ? null : properties.get("authtype").toLowerCase(Locale.ROOT);
        clientId = properties.get("clientid");
        tenantId = properties.get("tenantid");
        clientSecret = properties.get("clientsecret");
        clientCert = properties.get("clientcert");
        credentialKind = resolveCredentialKind();
    }

    /**
     * Parses {@code text}.
     *
     * @throws ConnectionStringException when it is not a usable connection string
     */
    public static ServiceConnectionString parse(String text) {
        if (text == null) {
            throw new ConnectionStringException(MISSING + " endpoint.");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        if (entries.size() < 2) {
            throw new ConnectionStringException(MISSING + " endpoint.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : entries) {
            int separator = entry.indexOf('=');
            if (separator < 0) {
                throw new ConnectionStringException("Invalid connection string entry without '=': "
                        + "every entry must be key=value.");
            }
            String key = entry.substring(0, separator).trim().toLowerCase(Locale.ROOT);
            if (properties.containsKey(key)) {
                throw new ConnectionStringException("Duplicate properties found in connection string: "
                        + entry.substring(0, separator).trim() + ".");
            }
            properties.put(key, entry.substring(separator + 1).trim());
        }
        return new ServiceConnectionString(properties);
    }

    private ServiceCredentialKind resolveCredentialKind() {
        if (authType == null) {
            if (accessKey == null || accessKey.isEmpty()) {
                throw new ConnectionStringException(MISSING + " accesskey: accesskey is required.");
            }
            return ServiceCredentialKind.ACCESS_KEY;
        }
        switch (authType) {
            case "azure":
                return ServiceCredentialKind.DEFAULT_AZURE_CREDENTIAL;
            case "azure.msi":
                return ServiceCredentialKind.MANAGED_IDENTITY;
            case "aad":
                if (clientId == null || tenantId == null) {
                    return ServiceCredentialKind.MANAGED_IDENTITY;
                }
                return application();
            case "azure.app":
                if (clientId == null) {
                    throw new ConnectionStringException(MISSING + " clientId.");
                }
                if (tenantId == null) {
                    throw new ConnectionStringException(MISSING + " tenantId.");
                }
                return application();
            default:
                throw new ConnectionStringException("Invalid value for authType property, it must be one of azure, "
                        + "azure.msi, azure.app or aad. (Parameter 'authType')");
        }
    }

    private ServiceCredentialKind application() {
        if (clientSecret != null) {
            return ServiceCredentialKind.CLIENT_SECRET;
        }
        if (clientCert != null) {
            return ServiceCredentialKind.CLIENT_CERTIFICATE;
        }
        throw new ConnectionStringException(MISSING + " clientSecret or clientCert.");
    }

    private static URI uri(String text, String property) {
        URI uri = ServiceUris.parseHttpUri(text);
        if (uri == null) {
            throw new ConnectionStringException("Invalid value for " + property
                    + " property, it must be a valid URI. (Parameter '" + property + "')");
        }
        return uri;
    }

    private static URI optionalUri(String text, String property) {
        return text == null ? null : uri(text, property);
    }

    private static Integer port(String text) {
        if (text == null) {
            return null;
        }
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectionStringException("Invalid value for port property, it must be an positive integer "
                + "between (0, 65536). (Parameter 'port')");
    }

    /** The service endpoint: {@code scheme://host[:port][/path]}, the {@code Port} entry applied, no trailing slash. */
    public String endpoint() {
        return endpoint;
    }

    /** The {@code Port} entry, or {@code null}. */
    public Integer port() {
        return port;
    }

    /** The signing key ({@code AccessKey}), or {@code null} with Microsoft Entra authentication. */
    public String accessKey() {
        return accessKey;
    }

    /** The {@code Version} entry, or {@code null}. */
    public String version() {
        return version;
    }

    /** The {@code ClientEndpoint} entry normalised like {@link #endpoint()}, or {@code null}. */
    public String clientEndpoint() {
        return clientEndpointUri == null ? null
                : ServiceUris.normalize(clientEndpointUri, ServiceUris.effectivePort(clientEndpointUri));
    }

    /** The {@code ServerEndpoint} entry normalised like {@link #endpoint()}, or {@code null}. */
    public String serverEndpoint() {
        return serverEndpointUri == null ? null
                : ServiceUris.normalize(serverEndpointUri, ServiceUris.effectivePort(serverEndpointUri));
    }

    /** Where clients are sent: {@link #clientEndpoint()}, else {@link #endpoint()}. */
    public String effectiveClientEndpoint() {
        return clientEndpointUri == null ? endpoint : clientEndpoint();
    }

    /** Where server connections and REST calls go: {@link #serverEndpoint()}, else {@link #endpoint()}. */
    public String effectiveServerEndpoint() {
        return serverEndpointUri == null ? endpoint : serverEndpoint();
    }

    /** The port of {@link #effectiveClientEndpoint()}. */
    public int effectiveClientPort() {
        return clientEndpointUri != null ? ServiceUris.effectivePort(clientEndpointUri)
                : port != null ? port : ServiceUris.effectivePort(endpointUri);
    }

    /** The port of {@link #effectiveServerEndpoint()}. */
    public int effectiveServerPort() {
        return serverEndpointUri != null ? ServiceUris.effectivePort(serverEndpointUri)
                : port != null ? port : ServiceUris.effectivePort(endpointUri);
    }

    /** {@code scheme://host/} of the endpoint, never with a port: the base of every token audience. */
    public String audienceBaseUrl() {
        return ServiceUris.audienceBase(endpointUri);
    }

    /** Where a Microsoft Entra identity fetches a signing key: {@code {server endpoint}/api/v1/auth/accessKey}. */
    public String accessKeyUrl() {
        return effectiveServerEndpoint() + "/api/v1/auth/accessKey";
    }

    /** The {@code AuthType} entry lower-cased, or {@code null} for access-key authentication. */
    public String authType() {
        return authType;
    }

    public ServiceCredentialKind credentialKind() {
        return credentialKind;
    }

    public String clientId() {
        return clientId;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The {@code ClientSecret} entry, or {@code null}. */
    public String clientSecret() {
        return clientSecret;
    }

    /** The {@code ClientCert} entry (a certificate path), or {@code null}. */
    public String clientCert() {
        return clientCert;
    }

    /** The endpoint and kind of credential; secrets are never shown. */
    @Override
    public String toString() {
        return "ServiceConnectionString[endpoint=" + endpoint + ", credential=" + credentialKind
                + (version == null ? "" : ", version=" + version)
                + (clientEndpointUri == null ? "" : ", clientEndpoint=" + clientEndpoint())
                + (serverEndpointUri == null ? "" : ", serverEndpoint=" + serverEndpoint()) + "]";
    }
}
