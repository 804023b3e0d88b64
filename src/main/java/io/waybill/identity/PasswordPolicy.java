package io.waybill.identity;

import io.waybill.kernel.InvalidRequestException;
import java.nio.charset.StandardCharsets;

/**
 * What a new password must satisfy. The upper bound is bcrypt's: it reads only the first 72 bytes,
 * so a longer password would give a false sense of strength.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static String check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidRequestException(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRequestException(field, "must be at most " + MAX_BYTES + " bytes");
        }
        return password;
    }
}
