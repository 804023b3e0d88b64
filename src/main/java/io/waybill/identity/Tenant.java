package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.SingleLineText;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One courier company on a shared deployment (issue 13). Its slug is how people name it when they
 * sign in or register (lower-case letters, digits and dashes, unique on the platform); its display
 * name is what its customers see. Every row of the tenant's data carries its id.
 */
public record Tenant(UUID id, String slug, String displayName, Instant createdAt) {

    /** The slug a register or sign-in that names no tenant means. */
    public static final String DEFAULT_SLUG = "default";
    static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Tenant {
        Objects.requireNonNull(id);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(createdAt);
    }

    /** A new tenant, its slug and display name checked (422 naming the field). */
    static Tenant open(String slug, String displayName, Instant at) {
        return new Tenant(UUID.randomUUID(), slug("slug", slug),
                SingleLineText.required("display_name", displayName, MAX_DISPLAY_NAME), at);
    }

    /** A slug as people type it: trimmed and lower-cased, then refused unless it has the slug's shape. */
    static String slug(String field, String value) {
        String slug = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidRequestException(field, "must be 1 to 63 lower-case letters, digits or dashes, "
                    + "starting with a letter or digit");
        }
        return slug;
    }
}
