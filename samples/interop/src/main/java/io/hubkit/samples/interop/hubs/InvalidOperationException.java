package io.hubkit.samples.interop.hubs;

/**
 * Named after the .NET exception the official test server throws, because with detailed errors on
 * clients see the exception's type name: {@code "… InvalidOperationException: An error occurred."}.
 */
public class InvalidOperationException extends RuntimeException {

    public InvalidOperationException(String message) {
        super(message);
    }
}
