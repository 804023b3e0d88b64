package io.waybill.web;

import io.waybill.kernel.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a page session lands after signing in: the page it was on its way to when it was sent to sign
 * in (the {@code continue} target), if that is a path on this site; otherwise its role's home: an
 * agent's round, the admin pages, a customer's portal. A target that could leave the site (another
 * host, a scheme, {@code //host}, a backslash that some browsers read as a slash, a control character)
 * is ignored, so a link to the sign-in page cannot send anyone elsewhere after it.
 */
final class Landing {

    static final String CONTINUE = "continue";

    private static final int MAX_TARGET = 2000;

    private Landing() {
    }

    /** The role's home page. */
    static String home(Role role) {
        return switch (role) {
            case AGENT -> "/agent";
            case ADMIN -> "/admin";
            case CUSTOMER -> "/portal";
            // The pages refuse a platform operator (it runs the tenants through the API): the public home.
            case PLATFORM -> "/";
        };
    }

    /** Where to go after signing in: the target asked for when it is safe, else the role's home. */
    static String after(Role role, String wanted) {
        return safe(wanted).orElseGet(() -> home(role));
    }

    /** The target as given, when it is a path on this site; empty otherwise. */
    static Optional<String> safe(String wanted) {
        if (wanted == null || wanted.isEmpty() || wanted.length() > MAX_TARGET || !wanted.startsWith("/")
                || wanted.startsWith("//") || wanted.indexOf('\\') >= 0
                || wanted.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(wanted);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return Optional.empty();
            }
        } catch (URISyntaxException notAPath) {
            return Optional.empty();
        }
        return Optional.of(wanted);
    }
}
