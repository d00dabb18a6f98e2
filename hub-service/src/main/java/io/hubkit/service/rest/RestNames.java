package io.hubkit.service.rest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name rules of the REST API, as Azure's emulator validates them: a hub matches
 * {@code ^[A-Za-z][A-Za-z0-9_`,.[\]]{0,127}$}, an optional application name the same, a group is
 * 1 to 1024 characters without whitespace, connection and user ids are non-empty and at most
 * 1024 characters. A failed rule is a {@link RestException} 400. Hub keys are lower-cased
 * ({@code hub} or {@code application_hub}), as the SDKs send them on the wire. Stateless.
 */
public final class RestNames {

    /** The longest group name, connection id or user id accepted. */
    public static final int MAX_NAME_LENGTH = 1024;

    private static final Pattern HUB = Pattern.compile("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$");
    private static final Pattern GROUP = Pattern.compile("^\\S{1,1024}$");

    private RestNames() {
    }

    /**
     * The lower-cased hub key of {@code hub}, prefixed with {@code application_} when an
     * application name is given.
     *
     * @throws RestException 400 for an invalid hub or application name
     */
    public static String hubKey(String hub, String application) {
        if (hub == null || !HUB.matcher(hub).matches()) {
            throw RestException.badRequest("Invalid hub name '" + abbreviate(hub) + "': it must start with a letter and "
                    + "contain at most 128 letters, digits and the characters _`,.[]");
        }
        String key = hub.toLowerCase(Locale.ROOT);
        if (application == null || application.isEmpty()) {
            return key;
        }
        if (!HUB.matcher(application).matches()) {
            throw RestException.badRequest("Invalid application name '" + abbreviate(application) + "'.");
        }
        return application.toLowerCase(Locale.ROOT) + "_" + key;
    }

    /** @throws RestException 400 unless {@code group} has 1 to 1024 characters and no whitespace */
    public static String group(String group) {
        if (group == null || !GROUP.matcher(group).matches()) {
            throw RestException.badRequest("Invalid group name '" + abbreviate(group)
                    + "': it must have 1 to 1024 characters and no whitespace.");
        }
        return group;
    }

    /** @throws RestException 400 unless {@code id} is a non-empty id of at most 1024 characters */
    public static String id(String kind, String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_NAME_LENGTH) {
            throw RestException.badRequest("Invalid " + kind + " '" + abbreviate(id)
                    + "': it must have 1 to 1024 characters.");
        }
        return id;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
