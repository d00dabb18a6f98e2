package io.hubkit.backplane.service.auth;

/**
 * How an app server proves itself to the service, as a connection string says it. Only
 * {@link #ACCESS_KEY} is implemented by HubKit (tokens signed with the key); the Microsoft Entra
 * kinds are recognised so that such connection strings parse and can be reported clearly.
 */
public enum ServiceCredentialKind {

    /** HS256 tokens signed with the {@code AccessKey} (no {@code AuthType}). */
    ACCESS_KEY,

    /** {@code AuthType=azure}: the default Azure credential chain. */
    DEFAULT_AZURE_CREDENTIAL,

    /** {@code AuthType=azure.msi}, or {@code aad} without both client and tenant id: a managed identity. */
    MANAGED_IDENTITY,

    /** {@code AuthType=azure.app} (or {@code aad}) with client id, tenant id and client secret. */
    CLIENT_SECRET,

    /** {@code AuthType=azure.app} (or {@code aad}) with client id, tenant id and a client certificate. */
    CLIENT_CERTIFICATE
}
