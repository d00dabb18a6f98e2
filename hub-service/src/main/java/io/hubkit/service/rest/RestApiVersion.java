package io.hubkit.service.rest;

/**
 * The two generations of the REST data-plane API the service serves, which differ in their
 * routes and in how errors look: {@code /api/v1/hubs/{hub}/…} answers errors as plain text,
 * {@code /api/hubs/{hub}/…?api-version=2022-06-01} as a JSON {@code ErrorDetail}
 * ({@code {"code": …, "message": …}}).
 */
public enum RestApiVersion {

    /** {@code /api/v1/hubs/{hub}/…}: plain-text errors. */
    V1,

    /** {@code /api/hubs/{hub}/…?api-version=2022-06-01} (and later versions): JSON {@code ErrorDetail} errors. */
    V2022_06_01
}
