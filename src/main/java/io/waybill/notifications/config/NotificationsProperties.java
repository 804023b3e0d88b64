package io.waybill.notifications.config;

import static io.waybill.kernel.InvalidSettingException.requireAtLeast;
import static io.waybill.kernel.InvalidSettingException.requirePositive;

import io.waybill.kernel.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notifications module's settings: the notification worker ({@code waybill.notifications.*}),
 * webhooks ({@code waybill.webhooks.*}), the SMS gateway ({@code waybill.sms.*}), WhatsApp
 * ({@code waybill.whatsapp.*}) and push ({@code waybill.push.*}).
 */
@ConfigurationProperties("waybill")
public record NotificationsProperties(@DefaultValue Notifications notifications, @DefaultValue Webhooks webhooks,
        @DefaultValue Sms sms, @DefaultValue WhatsApp whatsapp, @DefaultValue Push push) {

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

    /**
     * {@code waybill.whatsapp.*}: Meta's WhatsApp Cloud API. With a base URL, every other setting but
     * the version, language and timeout is required; without one, WhatsApp is off (nothing is sent,
     * the inbound webhook answers 404).
     *
     * @param baseUrl       e.g. {@code https://graph.facebook.com}
     * @param apiVersion    the Graph API version in the path, e.g. {@code v21.0}
     * @param phoneNumberId the business phone number's id, which messages are sent from
     * @param accessToken   the system user's access token (Bearer)
     * @param appSecret     the app's secret, which signs the inbound webhook's requests
     * @param verifyToken   the token Meta echoes in the webhook's verification handshake
     * @param language      the language code of the message templates
     * @param timeout       how long a request to the API may take
     */
    public record WhatsApp(@DefaultValue("") String baseUrl, @DefaultValue("v21.0") String apiVersion,
            @DefaultValue("") String phoneNumberId, @DefaultValue("") String accessToken,
            @DefaultValue("") String appSecret, @DefaultValue("") String verifyToken,
            @DefaultValue("en") String language, @DefaultValue("PT10S") Duration timeout) {

        public WhatsApp {
            baseUrl = trimmed(baseUrl);
            apiVersion = trimmed(apiVersion);
            phoneNumberId = trimmed(phoneNumberId);
            accessToken = trimmed(accessToken);
            appSecret = trimmed(appSecret);
            verifyToken = trimmed(verifyToken);
            language = trimmed(language);
            requirePositive("waybill.whatsapp.timeout", timeout);
            if (!baseUrl.isEmpty() && (apiVersion.isEmpty() || phoneNumberId.isEmpty() || accessToken.isEmpty()
                    || appSecret.isEmpty() || verifyToken.isEmpty() || language.isEmpty())) {
                throw new InvalidSettingException("waybill.whatsapp", "waybill.whatsapp.base-url is set, but not all "
                        + "of api-version, phone-number-id, access-token, app-secret, verify-token and language are.",
                        "Set WAYBILL_WHATSAPP_PHONE_NUMBER_ID, WAYBILL_WHATSAPP_ACCESS_TOKEN, "
                                + "WAYBILL_WHATSAPP_APP_SECRET and WAYBILL_WHATSAPP_VERIFY_TOKEN too, or unset "
                                + "WAYBILL_WHATSAPP_BASE_URL to leave WhatsApp off.");
            }
        }

        public boolean enabled() {
            return !baseUrl.isEmpty();
        }

        @Override
        public String toString() {
            return "WhatsApp[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", phoneNumberId=" + phoneNumberId
                    + ", accessToken=" + hidden(accessToken) + ", appSecret=" + hidden(appSecret) + ", verifyToken="
                    + hidden(verifyToken) + ", language=" + language + ", timeout=" + timeout + "]";
        }
    }

    /**
     * {@code waybill.push.*}: push notifications to the devices users register.
     *
     * @param timeout           how long a request to the provider may take
     * @param maxDevicesPerUser devices one account may register
     * @param fcm               Firebase Cloud Messaging (HTTP v1), used when its base URL is set (otherwise push is off)
     */
    public record Push(@DefaultValue("PT10S") Duration timeout, @DefaultValue("10") int maxDevicesPerUser,
            @DefaultValue Fcm fcm) {

        public Push {
            requirePositive("waybill.push.timeout", timeout);
            requireAtLeast("waybill.push.max-devices-per-user", maxDevicesPerUser, 1);
        }
    }

    /**
     * {@code waybill.push.fcm.*}: with a base URL, the project id and an access token are required.
     * The token is an OAuth 2 access token for the {@code firebase.messaging} scope, given as it is:
     * Waybill does not mint tokens from a service account yet, so whoever deploys it refreshes the
     * setting (tokens from {@code gcloud auth print-access-token} last an hour).
     */
    public record Fcm(@DefaultValue("") String baseUrl, @DefaultValue("") String projectId,
            @DefaultValue("") String accessToken) {

        public Fcm {
            baseUrl = trimmed(baseUrl);
            projectId = trimmed(projectId);
            accessToken = trimmed(accessToken);
            if (!baseUrl.isEmpty() && (projectId.isEmpty() || accessToken.isEmpty())) {
                throw new InvalidSettingException("waybill.push.fcm", "waybill.push.fcm.base-url is set, but not "
                        + "both of project-id and access-token are.", "Set WAYBILL_PUSH_FCM_PROJECT_ID and "
                        + "WAYBILL_PUSH_FCM_ACCESS_TOKEN too, or unset WAYBILL_PUSH_FCM_BASE_URL to leave push off.");
            }
        }

        public boolean enabled() {
            return !baseUrl.isEmpty();
        }

        @Override
        public String toString() {
            return "Fcm[baseUrl=" + baseUrl + ", projectId=" + projectId + ", accessToken=" + hidden(accessToken) + "]";
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String hidden(String secret) {
        return secret.isEmpty() ? "" : "(hidden)";
    }
}
