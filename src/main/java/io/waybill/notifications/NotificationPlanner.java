package io.waybill.notifications;

import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.care.TicketReplied;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.PhoneNumber;
import io.waybill.shipments.DeliveryCodeIssued;
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
 * delivered and failed delivery, by email, by SMS and WhatsApp (with a phone number) and by push (to
 * the devices they registered), on the channels they have not opted out of and this server offers
 * ({@link OutboundChannels}), to the addresses {@link Recipient#addressFor} allows (a verified email,
 * an E.164 phone). It only records the notifications; the {@link NotificationDispatcher} sends them.
 * It also keeps the {@link PublicStatuses} that replies to WhatsApp messages tell.
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
    private final OutboundChannels channels;
    private final Devices devices;
    private final PublicStatuses statuses;
    private final Clock clock;
    private final Duration maxEventAge;

    NotificationPlanner(Recipients recipients, RecipientFeed feed, NotificationStore store,
            NotificationTemplates templates, NotificationDispatcher dispatcher, OutboundChannels channels,
            Devices devices, PublicStatuses statuses, Clock clock, NotificationsProperties properties) {
        this.maxEventAge = properties.notifications().maxEventAge();
        this.recipients = recipients;
        this.feed = feed;
        this.store = store;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.channels = channels;
        this.devices = devices;
        this.statuses = statuses;
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
        topics.add(DeliveryCodeIssued.TOPIC);
        topics.add(TicketReplied.TOPIC);
        return Set.copyOf(topics);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (feed.feeds(event.type())) {
            // However old: the newest state of an account is what counts.
            feed.apply(event);
            return;
        }
        recordPublicStatus(event);
        if (event.occurredAt().plus(maxEventAge).isBefore(clock.instant())) {
            // Old news (the group's first run over an existing log, or a long outage): nobody wants it now.
            return;
        }
        if (DeliveryCodeIssued.TOPIC.equals(event.type())) {
            planDeliveryCode(event);
            return;
        }
        if (TicketReplied.TOPIC.equals(event.type())) {
            planTicketReply(event);
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
        if (planForCustomer(event, customerId, kind, values, Set.of(Channel.values()))) {
            dispatcher.wakeAfterCommit();
        }
    }

    /**
     * A delivery code: by email to the customer (on their preferences, as every message to them), and
     * by SMS to the shipment's recipient phone when it has one, whatever the customer's own SMS
     * choice, since the recipient is who opens the door. The code is in the message and nowhere else
     * this module logs.
     */
    private void planDeliveryCode(ReceivedEvent event) {
        DeliveryCodeIssued issued = event.payloadAs(DeliveryCodeIssued.class);
        Map<String, String> values = new HashMap<>();
        values.put("tracking_number", issued.trackingNumber());
        values.put("code", issued.code());
        boolean planned = planForCustomer(event, issued.customerId(), "delivery_code", values, Set.of(Channel.EMAIL));
        Optional<PhoneNumber> phone = PhoneNumber.ifValid(issued.recipientPhone());
        if (phone.isPresent()) {
            Map<String, String> named = new HashMap<>(values);
            named.put("name", issued.recipientName() == null ? "" : issued.recipientName());
            store.add(Notification.pending(event.eventId(), issued.customerId(), Channel.SMS, "delivery_code",
                    phone.get().value(), templates.render("delivery_code", Channel.SMS, named), clock.instant()));
            planned = true;
        }
        if (planned) {
            dispatcher.wakeAfterCommit();
        }
    }

    /**
     * A reply on a support ticket: by email to the other side (the care module names them), on their
     * preferences. The message itself stays in care; the mail points to the ticket.
     */
    private void planTicketReply(ReceivedEvent event) {
        TicketReplied replied = event.payloadAs(TicketReplied.class);
        if (replied.notifyUserId() == null) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("ticket_id", replied.ticketId().toString());
        values.put("side", replied.side());
        if (planForCustomer(event, replied.notifyUserId(), "ticket_reply", values, Set.of(Channel.EMAIL))) {
            dispatcher.wakeAfterCommit();
        }
    }

    /** Records the customer's notifications of one event on the given channels; whether any was recorded. */
    private boolean planForCustomer(ReceivedEvent event, UUID customerId, String kind, Map<String, String> values,
            Set<Channel> wanted) {
        Optional<Recipient> customer = recipients.find(customerId);
        if (customer.isPresent() && !customer.get().isLive()) {
            return false;
        }
        NotificationPreferences preferences = store.preferences(customerId).orElse(NotificationPreferences.DEFAULT);
        boolean planned = false;
        for (Channel channel : wanted) {
            if (!preferences.accepts(channel) || !channels.offers(channel)
                    || (channel == Channel.PUSH && !devices.hasAny(customerId))) {
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
        return planned;
    }

    /** However old the event: the newest status is what a reply tells. */
    private void recordPublicStatus(ReceivedEvent event) {
        if (ShipmentBooked.TOPIC.equals(event.type())) {
            ShipmentBooked booked = event.payloadAs(ShipmentBooked.class);
            statuses.record(new PublicStatus(booked.trackingNumber(), "created", null, booked.occurredAt(), 0));
        } else if (ShipmentStatusChanged.TOPIC.equals(event.type())) {
            ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
            statuses.record(new PublicStatus(change.trackingNumber(), change.status(), change.location(),
                    change.occurredAt(), change.sequence()));
        }
    }

    /** The template's values with the name to greet the recipient by. */
    static Map<String, String> withName(Map<String, String> values, Recipient recipient) {
        Map<String, String> named = new HashMap<>(values);
        named.put("name", recipient.displayName());
        return named;
    }
}
