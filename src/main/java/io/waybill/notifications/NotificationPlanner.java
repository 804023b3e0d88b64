package io.waybill.notifications;

import io.waybill.identity.UserDirectory;
import io.waybill.identity.UserSummary;
import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.eventing.EventHandler;
import io.waybill.kernel.PhoneNumber;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides, from the shipments' events, who is told what: the customer, on booking, out for delivery,
 * delivered and failed delivery, by email and (with a phone number) by SMS, on the channels they have
 * not opted out of. Email goes only to an address its owner verified, SMS only to a valid E.164
 * number ({@link UserSummary#textablePhone()}): anyone can register anyone's address or number, and
 * Waybill must not write to a stranger under its own name. It only records the notifications; the
 * {@link NotificationDispatcher} sends them.
 */
@Component
class NotificationPlanner implements EventHandler {

    static final Set<String> NOTIFIED_STATUSES = Set.of("out_for_delivery", "delivered", "delivery_failed");

    private final UserDirectory users;
    private final NotificationStore store;
    private final NotificationTemplates templates;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;
    private final Duration maxEventAge;

    NotificationPlanner(UserDirectory users, NotificationStore store, NotificationTemplates templates,
            NotificationDispatcher dispatcher, Clock clock, NotificationsProperties properties) {
        this.maxEventAge = properties.notifications().maxEventAge();
        this.users = users;
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
        return Set.of(ShipmentBooked.TOPIC, ShipmentStatusChanged.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
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
        Optional<UserSummary> customer = users.findLive(customerId);
        if (customer.isEmpty()) {
            return;
        }
        UserSummary user = customer.get();
        values.put("name", user.fullName() == null || user.fullName().isBlank() ? user.email() : user.fullName());
        NotificationPreferences preferences = store.preferences(user.id()).orElse(NotificationPreferences.DEFAULT);
        if (preferences.email() && user.emailVerified()) {
            store.add(Notification.pending(event.eventId(), user.id(), Channel.EMAIL, kind, user.email(),
                    templates.render(kind, Channel.EMAIL, values), clock.instant()));
        }
        Optional<PhoneNumber> phone = user.textablePhone();
        if (preferences.sms() && phone.isPresent()) {
            store.add(Notification.pending(event.eventId(), user.id(), Channel.SMS, kind, phone.get().value(),
                    templates.render(kind, Channel.SMS, values), clock.instant()));
        }
        dispatcher.wakeAfterCommit();
    }
}
