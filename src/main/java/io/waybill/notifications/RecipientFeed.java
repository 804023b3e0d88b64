package io.waybill.notifications;

import io.waybill.eventing.ReceivedEvent;
import io.waybill.identity.UserDeleted;
import io.waybill.identity.UserRegistered;
import io.waybill.identity.UserUpdated;
import io.waybill.kernel.Role;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Recipients} from identity's published events. It is not a consumer group of its own:
 * the {@link NotificationPlanner} hands it the {@code user.*} events of its group, so that with the
 * in-process transport a customer's registration and verification are applied before a booking
 * made after them (one group reads its topics in the order they were written). With Kafka, topics
 * are not ordered against each other; the planner copes with a customer it does not know yet.
 */
@Component
class RecipientFeed {

    static final Set<String> TOPICS = Set.of(UserRegistered.TOPIC, UserUpdated.TOPIC, UserDeleted.TOPIC);

    private final Recipients recipients;
    private final Devices devices;

    RecipientFeed(Recipients recipients, Devices devices) {
        this.recipients = recipients;
        this.devices = devices;
    }

    boolean feeds(String type) {
        return TOPICS.contains(type);
    }

    void apply(ReceivedEvent event) {
        switch (event.type()) {
            case UserRegistered.TOPIC -> {
                UserRegistered created = event.payloadAs(UserRegistered.class);
                // A new account's address is not verified yet.
                recipients.store(new Recipient(created.userId(), created.email(), created.fullName(), created.phone(),
                        role(created.role()), false, null, created.occurredAt()));
            }
            case UserUpdated.TOPIC -> {
                UserUpdated updated = event.payloadAs(UserUpdated.class);
                recipients.store(new Recipient(updated.userId(), updated.email(), updated.fullName(), updated.phone(),
                        role(updated.role()), updated.emailVerified(), null, updated.occurredAt()));
            }
            case UserDeleted.TOPIC -> {
                UserDeleted deleted = event.payloadAs(UserDeleted.class);
                recipients.tombstone(deleted.userId(), deleted.role(), deleted.occurredAt());
                // A deleted account's devices are its personal data too, and no app of it is signed in.
                devices.forgetUser(deleted.userId());
            }
            default -> throw new IllegalArgumentException("Not an account event: " + event.type());
        }
    }

    private static Role role(String wire) {
        return Role.fromWire(wire).orElse(null);
    }
}
