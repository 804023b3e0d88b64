package io.waybill.mail.relay;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import io.waybill.kernel.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waybill.mail.*}: the sender, and how the mail outbox is worked off. The SMTP server itself is
 * Spring's {@code spring.mail.*}.
 *
 * @param from         the sender address
 * @param retryDelay   the first wait after a failed send; each later one is twice the last (at most an hour)
 * @param maxAttempts  attempts before a mail is given up
 * @param lease        how long a claimed mail is reserved for the instance sending it
 * @param concurrency  mails sent at the same time
 * @param pollInterval how often the outbox is checked for due mail (read by {@link MailRelay}'s schedule)
 */
@ConfigurationProperties("waybill.mail")
public record OutgoingMailProperties(@DefaultValue("Waybill <no-reply@waybill.local>") String from,
        @DefaultValue("PT30S") Duration retryDelay, @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT2M") Duration lease, @DefaultValue("4") int concurrency,
        @DefaultValue("PT10S") Duration pollInterval) {

    public OutgoingMailProperties {
        if (from == null || from.isBlank()) {
            throw new InvalidSettingException("waybill.mail.from", "waybill.mail.from is empty.",
                    "Set waybill.mail.from to the sender address (e.g. Waybill <no-reply@example.com>), or remove "
                            + "it to use the default.");
        }
        requirePositive("waybill.mail.retry-delay", retryDelay);
        requireAtLeast("waybill.mail.max-attempts", maxAttempts, 1);
        requirePositive("waybill.mail.lease", lease);
        requireAtLeast("waybill.mail.concurrency", concurrency, 1);
        requirePositive("waybill.mail.poll-interval", pollInterval);
    }
}
