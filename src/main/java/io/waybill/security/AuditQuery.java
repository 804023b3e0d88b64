package io.waybill.security;

import io.waybill.kernel.BadParameterException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which audit log entries to read; every part is optional.
 *
 * @param actorId    the account that acted
 * @param kind       {@code admin_action} or {@code refusal}
 * @param method     the HTTP method, upper case
 * @param pathPrefix the start of the path, e.g. {@code /admin/users}
 * @param from       the first instant included
 * @param to         the instant the entries are before
 */
public record AuditQuery(UUID actorId, String kind, String method, String pathPrefix, Instant from, Instant to) {

    public static final Set<String> KINDS = Set.of("admin_action", "refusal");
    private static final Pattern ACTION = Pattern.compile("^(?:([A-Za-z]+))?\\s*(/\\S*)?$");

    public AuditQuery {
        if (kind != null && !KINDS.contains(kind)) {
            throw new BadParameterException("kind", "must be admin_action or refusal");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameterException("from", "must be before to");
        }
        if (pathPrefix != null && pathPrefix.length() > 500) {
            throw new BadParameterException("action", "names a path longer than any the log keeps (500 characters)");
        }
    }

    /**
     * The query for an {@code action} as an admin types it: a method ({@code DELETE}), the start of a
     * path ({@code /admin/users}), or both ({@code DELETE /admin/users}); blank means any.
     */
    public static AuditQuery of(UUID actorId, String kind, String action, Instant from, Instant to) {
        String method = null;
        String path = null;
        String typed = action == null ? "" : action.strip();
        if (!typed.isEmpty()) {
            Matcher matcher = ACTION.matcher(typed);
            if (!matcher.matches()) {
                throw new BadParameterException("action",
                        "must be a method, the start of a path, or both, e.g. DELETE /admin/users");
            }
            method = matcher.group(1) == null ? null : matcher.group(1).toUpperCase(Locale.ROOT);
            path = matcher.group(2);
        }
        return new AuditQuery(actorId, blankIsNull(kind), method, path, from, to);
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
