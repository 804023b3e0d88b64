package io.waybill.reporting;

import io.waybill.identity.UserRegistered;
import io.waybill.kernel.Role;
import io.waybill.network.HubAssigned;
import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.shipments.AgentAssigned;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.DeliveryAttemptFailed;
import io.waybill.shipments.PaymentCollected;
import io.waybill.shipments.PaymentRemitted;
import io.waybill.shipments.ShipmentBooked;
import io.waybill.shipments.ShipmentDelivered;
import io.waybill.shipments.ShipmentStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps the reporting counters from every event. Events of different topics may arrive in any
 * order (Kafka orders only within a partition), so a booking, its hub routing and its delivery
 * are matched up whichever comes first; each event is applied once (the eventing module skips replays).
 */
@Component
class ReportingProjection implements EventHandler {

    private final ReportingStore store;

    ReportingProjection(ReportingStore store) {
        this.store = store;
    }

    @Override
    public String group() {
        return "reporting";
    }

    @Override
    public Set<String> topics() {
        return Set.of(UserRegistered.TOPIC, ShipmentBooked.TOPIC, HubAssigned.TOPIC, ShipmentStatusChanged.TOPIC,
                ShipmentDelivered.TOPIC, DeliveryAttemptFailed.TOPIC, PaymentCollected.TOPIC, PaymentRemitted.TOPIC);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case UserRegistered.TOPIC -> {
                // A platform operator runs the tenants: it is none of the default tenant's users.
                if (!Role.PLATFORM.wireName().equals(event.payloadAs(UserRegistered.class).role())) {
                    store.userRegistered(day(event.occurredAt()));
                }
            }
            case ShipmentBooked.TOPIC -> booked(event.payloadAs(ShipmentBooked.class));
            case AgentAssigned.TYPE -> {
                // Who delivers changes no figure.
            }
            case HubAssigned.TYPE -> routed(event.payloadAs(HubAssigned.class));
            case ShipmentStatusChanged.TOPIC -> {
                ShipmentStatusChanged change = event.payloadAs(ShipmentStatusChanged.class);
                store.enteredStatus(day(change.occurredAt()), change.status(), change.shipmentId());
            }
            case ShipmentDelivered.TOPIC -> delivered(event.payloadAs(ShipmentDelivered.class));
            case DeliveryAttemptFailed.TOPIC -> {
                DeliveryAttemptFailed failed = event.payloadAs(DeliveryAttemptFailed.class);
                store.deliveryFailed(day(failed.occurredAt()), failed.hubId(), failed.reason());
            }
            case PaymentCollected.TOPIC -> {
                PaymentCollected collected = event.payloadAs(PaymentCollected.class);
                // Card and UPI payments go to the company through their provider: no agent holds them.
                if (CollectionMethod.CASH.wireName().equals(collected.method())) {
                    store.agentCash(collected.collectedBy(), collected.currency(), collected.amountMinor(), 0);
                }
            }
            case PaymentRemitted.TOPIC -> {
                PaymentRemitted remitted = event.payloadAs(PaymentRemitted.class);
                store.agentCash(remitted.agentId(), remitted.currency(), 0, remitted.amountMinor());
            }
            default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
        }
    }

    private void booked(ShipmentBooked booked) {
        LocalDate day = day(booked.occurredAt());
        store.enteredStatus(day, "created", booked.shipmentId());
        store.booked(booked.shipmentId(), day).ifPresent(hub -> store.countHubBooking(day, hub));
    }

    private void routed(HubAssigned assigned) {
        UUID hub = assigned.hubId();
        store.routed(assigned.shipmentId(), hub).ifPresent(days -> {
            if (days.bookedOn() != null) {
                store.countHubBooking(days.bookedOn(), hub);
            }
            if (days.deliveredOn() != null) {
                store.countHubDelivery(days.deliveredOn(), hub);
            }
        });
    }

    private void delivered(ShipmentDelivered delivered) {
        LocalDate day = day(delivered.occurredAt());
        double hours = Duration.between(delivered.bookedAt(), delivered.occurredAt()).toMillis() / 3_600_000.0;
        store.delivered(delivered.shipmentId(), day, hours, delivered.failedAttempts() == 0)
                .ifPresent(hub -> store.countHubDelivery(day, hub));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
