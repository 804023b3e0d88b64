package io.waybill.notifications;

import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides, from the shipments' events, who is told what: the customer, on booking, out for delivery,
 * delivered and failed delivery, by email and (with a phone number) by SMS, on the channels they have
 * not opted out of, to the addresses {@link Recipient#addressFor} allows (a verified email, an E.164
 * phone). It only records the notifications; the {@link NotificationDispatcher} sends them.
 *
 * <p>The customer is looked up in the module's own {@link Recipients}, which this same consumer group
 * keeps from identity's {@code user.*} events ({@link RecipientFeed}). A customer not known yet (with
 * Kafka, a booking's event can overtake the account's {@code user.created}) still gets the
 * notifications their preferences allow, unwritten: the dispatcher addresses and writes them when it
 * sends them, and retries while the account is still unknown.
 */
@Component
class NotificationPlanner implements EventHandler {

    static final Set<String> NOTIFIED_STATUSES = Set.of("out_for_delivery", "delivered", "delivery_failed");

    private final Recipients recipients;
    private final RecipientFeed feed;
    private final NotificationStore store;
    private final NotificationTemplates templates;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;
    private final Duration maxEventAge;

    NotificationPlanner(Recipients recipients, RecipientFeed feed, NotificationStore store,
            NotificationTemplates templates, NotificationDispatcher dispatcher, Clock clock,
            NotificationsProperties properties) {
        this.maxEventAge = properties.notifications().maxEventAge();
        this.recipients = recipients;
        this.feed = feed;
        this.store = store;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "notifications";
    }

    @Override
    public Set<String> topics() {
        Set<String> topics = new HashSet<>(RecipientFeed.TOPICS);
        topics.add(ShipmentBooked.TOPIC);
        topics.add(ShipmentStatusChanged.TOPIC);
        return Set.copyOf(topics);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (feed.feeds(event.type())) {
            // However old: the newest state of an account is what counts.
            feed.apply(event);
            return;
        }
        if (event.occurredAt().plus(maxEventAge).isBefore(clock.instant())) {
            // Old news (the group's first run over an existing log, or a long outage): nobody wants it now.
            return;
        }
        Map<String, String> values = new HashMap<>();
        UUID customerId;
        String kind;
        if (ShipmentBooked.TOPIC.equals(event.type())) {
            ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
            customerId = booked.customerId();
            kind = "shipment_created";
            values.put("tracking_number", booked.trackingNumber());
            values.put("source", booked.sourceAddress());
            values.put("destination", booked.destinationAddress());
            values.put("status", "created");
        } else {
            ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
            if (!NOTIFIED_STATUSES.contains(change.status()) || change.status().equals(change.previousStatus())) {
                return;
            }
            customerId = change.customerId();
            kind = change.status();
            values.put("tracking_number", change.trackingNumber());
            values.put("status", change.status());
            values.put("location", change.location());
        }
        Optional<Recipient> customer = recipients.find(customerId);
        if (customer.isPresent() && !customer.get().isLive()) {
            return;
        }
        NotificationPreferences preferences = store.preferences(customerId).orElse(NotificationPreferences.DEFAULT);
        boolean planned = false;
        for (Channel channel : Channel.values()) {
            if (!preferences.accepts(channel)) {
                continue;
            }
            if (customer.isEmpty()) {
                store.add(Notification.unwritten(event.eventId(), customerId, channel, kind, values, clock.instant()));
                planned = true;
                continue;
            }
            Recipient user = customer.get();
            Optional<String> address = user.addressFor(channel);
            if (address.isPresent()) {
                store.add(Notification.pending(event.eventId(), customerId, channel, kind, address.get(),
                        templates.render(kind, channel, withName(values, user)), clock.instant()));
                planned = true;
            }
        }
        if (planned) {
            dispatcher.wakeAfterCommit();
        }
    }

    /** The template's values with the name to greet the recipient by. */
    static Map<String, String> withName(Map<String, String> values, Recipient recipient) {
        Map<String, String> named = new HashMap<>(values);
        named.put("name", recipient.displayName());
        return named;
    }
}
