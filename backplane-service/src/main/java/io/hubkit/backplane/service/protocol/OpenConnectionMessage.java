package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client connected to the service and is routed to this server, service → server.
 *
 * <p>Type 4; wire layout {@code [4, connectionId, claims, headers, queryString, extensions]}; the reader
 * also accepts the shorter arrays of older peers, ending after {@code claims}, and ignores elements after
 * the last known one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param claims the claims of the client's access token in wire order; a claim type may repeat
 * @param headers the client's HTTP request headers (name to values), in wire order
 * @param queryString the client's query string (without {@code ?}), {@code ""} when none
 * @param extensions the optional members: tracing id and the client's hub {@code protocol}
 */
public record OpenConnectionMessage(
        String connectionId,
        List<ServiceClaim> claims,
        Map<String, List<String>> headers,
        String queryString,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public OpenConnectionMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        claims = ServiceValues.claims(claims);
        headers = ServiceValues.headers(headers);
        queryString = queryString == null ? "" : queryString;
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.OPEN_CONNECTION;
    }

    static OpenConnectionMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        List<ServiceClaim> claims = in.readClaims("claims");
        Map<String, List<String>> headers = in.hasMore() ? in.readHeaders("headers") : Map.of();
        String queryString = in.hasMore() ? in.readString("queryString") : "";
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new OpenConnectionMessage(connectionId, claims, headers, queryString, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeClaims(claims);
        out.writeHeaders(headers);
        out.writeString(queryString);
        out.writeExtensions(extensions);
    }
}
