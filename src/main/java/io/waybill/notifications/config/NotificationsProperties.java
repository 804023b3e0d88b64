package io.waybill.notifications.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import io.waybill.kernel.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notifications module's settings: the notification worker ({@code waybill.notifications.*}),
 * webhooks ({@code waybill.webhooks.*}) and the SMS gateway ({@code waybill.sms.*}).
 */
@ConfigurationProperties("waybill")
public record NotificationsProperties(@DefaultValue Notifications notifications, @DefaultValue Webhooks webhooks,
        @DefaultValue Sms sms) {

    /**
     * @param retryDelay   the first wait after a failed attempt; each later one is twice the last
     * @param maxAttempts  attempts before a notification is failed
     * @param lease        how long a claimed notification is reserved for the instance sending it
     * @param concurrency  notifications sent at the same time
     * @param pollInterval how often due notifications are looked for (read by {@code NotificationDispatcher}'s schedule)
     * @param maxEventAge  events older than this make no notification
     */
    public record Notifications(@DefaultValue("PT30S") Duration retryDelay, @DefaultValue("10") int maxAttempts,
            @DefaultValue("PT2M") Duration lease, @DefaultValue("8") int concurrency,
            @DefaultValue("PT5S") Duration pollInterval, @DefaultValue("PT6H") Duration maxEventAge) {

        public Notifications {
            requirePositive("waybill.notifications.retry-delay", retryDelay);
            requireAtLeast("waybill.notifications.max-attempts", maxAttempts, 1);
            requirePositive("waybill.notifications.lease", lease);
            requireAtLeast("waybill.notifications.concurrency", concurrency, 1);
            requirePositive("waybill.notifications.poll-interval", pollInterval);
            requirePositive("waybill.notifications.max-event-age", maxEventAge);
        }
    }

    /**
     * @param retryDelay             the first wait after a failed attempt; each later one is twice the last
     * @param maxDelay               the longest wait between attempts
     * @param retryFor               how long a delivery is retried before it has failed
     * @param timeout                how long a receiver has to answer
     * @param concurrency            deliveries sent at the same time
     * @param pollInterval           how often due deliveries are looked for (read by {@code WebhookDispatcher}'s schedule)
     * @param maxPerOwner            active webhooks an account may have
     * @param allowPrivateAddresses  whether webhooks may call loopback, private and link-local addresses
     */
    public record Webhooks(@DefaultValue("PT30S") Duration retryDelay, @DefaultValue("PT1H") Duration maxDelay,
            @DefaultValue("P1D") Duration retryFor, @DefaultValue("PT5S") Duration timeout,
            @DefaultValue("16") int concurrency, @DefaultValue("PT5S") Duration pollInterval,
            @DefaultValue("10") int maxPerOwner, @DefaultValue("false") boolean allowPrivateAddresses) {

        public Webhooks {
            requirePositive("waybill.webhooks.retry-delay", retryDelay);
            requirePositive("waybill.webhooks.max-delay", maxDelay);
            requirePositive("waybill.webhooks.retry-for", retryFor);
            requirePositive("waybill.webhooks.timeout", timeout);
            requireAtLeast("waybill.webhooks.concurrency", concurrency, 1);
            requirePositive("waybill.webhooks.poll-interval", pollInterval);
            requireAtLeast("waybill.webhooks.max-per-owner", maxPerOwner, 1);
        }
    }

    /**
     * @param timeout how long a request to the gateway may take
     * @param twilio  Twilio's account, used when its base URL is set (otherwise messages are only logged)
     */
    public record Sms(@DefaultValue("PT10S") Duration timeout, @DefaultValue Twilio twilio) {

        public Sms {
            requirePositive("waybill.sms.timeout", timeout);
        }
    }

    /** {@code waybill.sms.twilio.*}: with a base URL, the account's sid, token and sending number are required. */
    public record Twilio(@DefaultValue("") String baseUrl, @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken, @DefaultValue("") String from) {

        public Twilio {
            baseUrl = baseUrl == null ? "" : baseUrl.trim();
            accountSid = accountSid == null ? "" : accountSid.trim();
            authToken = authToken == null ? "" : authToken.trim();
            from = from == null ? "" : from.trim();
            if (!baseUrl.isEmpty() && (accountSid.isEmpty() || authToken.isEmpty() || from.isEmpty())) {
                throw new InvalidSettingException("waybill.sms.twilio", "waybill.sms.twilio.base-url is set, but "
                        + "not all of account-sid, auth-token and from are.",
                        "Set WAYBILL_SMS_TWILIO_ACCOUNT_SID, WAYBILL_SMS_TWILIO_AUTH_TOKEN and WAYBILL_SMS_TWILIO_FROM "
                                + "too, or unset WAYBILL_SMS_TWILIO_BASE_URL to only log text messages.");
            }
        }

        public boolean enabled() {
            return !baseUrl.isEmpty();
        }

        @Override
        public String toString() {
            return "Twilio[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken="
                    + (authToken.isEmpty() ? "" : "(hidden)") + ", from=" + from + "]";
        }
    }
}
