package io.waybill.notifications;

import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PhoneNumber;
import io.waybill.kernel.TenantContext;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.security.RateLimit;
import io.waybill.security.Throttle;
import io.waybill.shipments.TrackingNumber;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people write to the business's WhatsApp number, as Meta's webhook delivers it. Whoever sends
 * a tracking number is answered with what {@code GET /track/{number}} shows first (status, last
 * place, time), and nothing else: the number is all they need to know, as on the public page. A
 * number that is not a shipment's gets the same polite answer whether it is well formed or not, and
 * a message without one gets a hint. Replies are notifications like the others (retried, recorded),
 * keyed by Meta's message id, so a webhook Meta delivers twice is answered once. Each sender gets
 * a few replies a minute ({@link RateLimit#WHATSAPP_SENDER}); beyond them, nothing: every reply is a
 * message the business pays for, and an answer would only feed the flood.
 */
@Service
public class WhatsAppInbox {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInbox.class);
    private static final Pattern CANDIDATE = Pattern.compile("\\bTRK\\d{11}\\b", Pattern.CASE_INSENSITIVE);
    /** Meta's challenge is a number; anything else is not echoed back. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final NotificationsProperties.WhatsApp settings;
    private final OutboundChannels channels;
    private final PublicStatuses statuses;
    private final NotificationStore store;
    private final NotificationTemplates templates;
    private final NotificationDispatcher dispatcher;
    private final Throttle throttle;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WhatsAppInbox(NotificationsProperties properties, OutboundChannels channels, PublicStatuses statuses,
            NotificationStore store, NotificationTemplates templates, NotificationDispatcher dispatcher,
            Throttle throttle, JsonMapper json, Clock clock, TransactionTemplate transaction) {
        this.settings = properties.whatsapp();
        this.channels = channels;
        this.statuses = statuses;
        this.store = store;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.throttle = throttle;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Meta's verification handshake: the challenge, echoed only to whoever knows the verify token. */
    public String answerHandshake(String mode, String verifyToken, String challenge) {
        requireConfigured();
        if (!"subscribe".equals(mode) || !WhatsAppSignature.sameSecret(settings.verifyToken(), verifyToken)) {
            throw new ForbiddenException("The verify token does not match this server's.");
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw new BadParameterException("hub.challenge", "must be 1 to 128 letters, digits, '-' or '_'");
        }
        return challenge;
    }

    /**
     * Answers the text messages of one webhook request signed with the app's secret; returns how many
     * replies were queued. The request names no tenant: each message is answered, in a transaction of
     * its own, as the work of the tenant whose shipment its tracking number names; one that names no
     * known number is the platform's, whose WhatsApp number it was sent to (the default tenant's).
     */
    public int receive(byte[] body, String signature) {
        requireConfigured();
        if (!WhatsAppSignature.matches(settings.appSecret(), body, signature)) {
            throw new AuthenticationFailedException("The X-Hub-Signature-256 header is missing or does not match "
                    + "the body.");
        }
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            throw new BadParameterException("body", "is not JSON");
        }
        int replies = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                // Delivery receipts ("statuses") come the same way and need no answer.
                for (JsonNode message : change.path("value").path("messages")) {
                    replies += answerAsItsTenant(message) ? 1 : 0;
                }
            }
        }
        return replies;
    }

    private boolean answerAsItsTenant(JsonNode message) {
        Optional<String> number = trackingNumberIn(message);
        UUID tenant = number.flatMap(statuses::tenantOf).orElse(TenantContext.DEFAULT);
        return TenantContext.callAs(tenant, () -> Boolean.TRUE.equals(transaction.execute(status -> {
            boolean answered = answer(message, number);
            if (answered) {
                dispatcher.wakeAfterCommit();
            }
            return answered;
        })));
    }

    /** The tracking number a text message asks about, if it names one. */
    private static Optional<String> trackingNumberIn(JsonNode message) {
        String text = "text".equals(message.path("type").asString("")) ? message.path("text").path("body").asString("")
                : "";
        Matcher candidate = CANDIDATE.matcher(text);
        return candidate.find() ? Optional.of(candidate.group().toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    private boolean answer(JsonNode message, Optional<String> candidate) {
        String messageId = message.path("id").asString("");
        Optional<PhoneNumber> sender = PhoneNumber.ifValid("+" + message.path("from").asString(""));
        if (messageId.isEmpty() || sender.isEmpty()) {
            return false;
        }
        String to = sender.get().value();
        if (!throttle.take(RateLimit.WHATSAPP_SENDER, to).taken()) {
            log.info("WhatsApp message {} not answered: its sender is over the reply limit", messageId);
            return false;
        }
        String kind;
        Map<String, String> values;
        if (candidate.isEmpty()) {
            kind = "tracking_help";
            values = Map.of("example", "TRK followed by 11 digits, as on your receipt");
        } else {
            String number = candidate.get();
            Optional<PublicStatus> status = TrackingNumber.parse(number).flatMap(valid -> statuses.find(valid.value()));
            kind = status.isPresent() ? "tracking_status" : "tracking_not_found";
            values = status.map(WhatsAppInbox::values).orElse(Map.of("tracking_number", number));
        }
        UUID replyId = UUID.nameUUIDFromBytes(("whatsapp:" + messageId).getBytes(StandardCharsets.UTF_8));
        store.add(Notification.pending(replyId, null, Channel.WHATSAPP, kind, to,
                templates.render(kind, Channel.WHATSAPP, values), clock.instant()));
        return true;
    }

    private static Map<String, String> values(PublicStatus status) {
        return Map.of("tracking_number", status.trackingNumber(), "status", status.status().replace('_', ' '),
                // A template's parameter may not be empty.
                "location", status.location() == null || status.location().isBlank() ? "-" : status.location(),
                "updated_at", status.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private void requireConfigured() {
        if (!settings.enabled() || !channels.offers(Channel.WHATSAPP)) {
            throw new NotFoundException("WhatsApp is not configured on this server.");
        }
    }
}
