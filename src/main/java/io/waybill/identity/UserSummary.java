package io.waybill.identity;

import io.waybill.kernel.PhoneNumber;
import io.waybill.kernel.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know of an account. {@code emailVerified} says whether the owner proved
 * they read the address: until then, nothing but identity's own verification mail should go there,
 * since anyone can register anyone's address.
 */
public record UserSummary(UUID id, String email, String fullName, String phone, Role role, boolean emailVerified) {

    /**
     * The number text messages may go to: a valid E.164 phone (accounts stored before that rule may
     * hold anything). Phones are not verified yet; when they are, this is the one place that must
     * also require the proof, like {@code emailVerified} for mail.
     */
    public Optional<PhoneNumber> textablePhone() {
        return PhoneNumber.ifValid(phone);
    }
}
