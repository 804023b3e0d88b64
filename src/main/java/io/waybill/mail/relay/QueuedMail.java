package io.waybill.mail.relay;

import java.time.Instant;
import java.util.UUID;

/**
 * A message waiting in the outbox, and how often sending it was tried; {@code senderEmail} and
 * {@code senderName} are its tenant's own sender, null where the tenant has none (the deployment's).
 */
record QueuedMail(UUID id, String recipient, String subject, String body, Instant createdAt, int attempts,
        String senderEmail, String senderName) {

    QueuedMail(UUID id, String recipient, String subject, String body, Instant createdAt, int attempts) {
        this(id, recipient, subject, body, createdAt, attempts, null, null);
    }
}
