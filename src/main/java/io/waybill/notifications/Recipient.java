package io.waybill.notifications;

import io.waybill.kernel.PhoneNumber;
import io.waybill.kernel.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whom the notifications module writes to: its own copy of an account, as of {@code asOf}, kept from
 * identity's {@code user.*} events (see {@link Recipients}). A deleted account stays as a tombstone,
 * so that a late event cannot bring it back. Email goes only to an address its owner verified, SMS
 * and WhatsApp only to a valid E.164 number: anyone can register anyone's address or number, and
 * Waybill must not write to a stranger under its own name. Push goes to the devices the account
 * itself registered, so its address is the account.
 */
public record Recipient(UUID userId, String email, String fullName, String phone, Role role,
        boolean emailVerified, Instant deletedAt, Instant asOf) {

    public boolean isLive() {
        return deletedAt == null;
    }

    /** Where a message on this channel may go: empty if it may not go anywhere ({@link #whyNot}). */
    public Optional<String> addressFor(Channel channel) {
        if (!isLive()) {
            return Optional.empty();
        }
        return switch (channel) {
            case EMAIL -> emailVerified && email != null ? Optional.of(email) : Optional.empty();
            case SMS, WHATSAPP -> PhoneNumber.ifValid(phone).map(PhoneNumber::value);
            case PUSH -> Optional.of(userId.toString());
        };
    }

    /** Why nothing may go to this account on this channel, when {@link #addressFor} is empty. */
    public String whyNot(Channel channel) {
        if (!isLive()) {
            return "the account was deleted";
        }
        return switch (channel) {
            case EMAIL -> "the account's email address is not verified";
            case SMS, WHATSAPP -> "the account has no phone number in E.164 form";
            case PUSH -> "the account has no registered device";
        };
    }

    /** The name to greet by: the full name, or the address when there is none. */
    public String displayName() {
        return fullName == null || fullName.isBlank() ? email : fullName;
    }
}
