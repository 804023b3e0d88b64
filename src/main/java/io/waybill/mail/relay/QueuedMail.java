package io.waybill.mail.relay;

import java.time.Instant;
import java.util.UUID;

/** A message waiting in the outbox, and how often sending it was tried. */
record QueuedMail(UUID id, String recipient, String subject, String body, Instant createdAt, int attempts) {
}
