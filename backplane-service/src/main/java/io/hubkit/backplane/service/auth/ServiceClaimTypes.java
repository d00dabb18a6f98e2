package io.hubkit.backplane.service.auth;

import java.util.Map;

/**
 * Claim types with a meaning to the service: the {@code asrs.s.*} system claims the app server puts
 * into client tokens, the short names .NET writes for its long claim types, and the JWT names
 * reserved to the token itself.
 */
public final class ServiceClaimTypes {

    /** The user id the service routes {@code Clients.User} by. */
    public static final String USER_ID = "asrs.s.uid";
    /** The user id as serverless services read it (also the server id in server tokens). */
    public static final String NAME_ID = "nameid";
    public static final String SERVER_NAME = "asrs.s.sn";
    public static final String SERVER_STICKY = "asrs.s.ssticky";
    public static final String AUTHENTICATION_TYPE = "asrs.s.aut";
    public static final String NAME_TYPE = "asrs.s.nt";
    public static final String ROLE_TYPE = "asrs.s.rt";
    public static final String DETAILED_ERRORS = "asrs.s.derror";
    public static final String ENDPOINT_COUNT = "asrs.s.secn";
    public static final String MAX_POLL_INTERVAL = "asrs.s.ttl";
    public static final String DIAGNOSTIC_CLIENT = "asrs.s.dc";
    public static final String HANDSHAKE_TIMEOUT = "asrs.s.cht";
    public static final String HTTP_TRANSPORTS = "asrs.s.htt";
    public static final String CLOSE_ON_AUTH_EXPIRATION = "asrs.s.coae";
    public static final String AUTH_EXPIRES_ON = "asrs.s.aeo";

    /** The prefix of every system claim. */
    public static final String SYSTEM_PREFIX = "asrs.s.";
    /** The prefix a user claim gets when its type is reserved to the token. */
    public static final String USER_PREFIX = "asrs.u.";

    /** The issuer the reference SDK writes into every access token. */
    public static final String ISSUER = "azure-signalr";

    /** .NET's long claim types and the short names written into tokens. */
    static final Map<String, String> OUTBOUND_SHORT_NAMES = Map.of(
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "nameid",
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "role",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "unique_name");

    private ServiceClaimTypes() {
    }

    /** The type written into a token for {@code type}: its short name when it has one. */
    public static String outbound(String type) {
        return OUTBOUND_SHORT_NAMES.getOrDefault(type, type);
    }
}
