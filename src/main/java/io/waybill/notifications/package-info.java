/**
 * Tells people what happens to their shipments: email (through the mail module's outbox) and SMS
 * (through an {@link io.waybill.notifications.SmsSender}) on booking, out for delivery, delivered
 * and failed delivery, from the shipments' events only. Every notification is recorded with its
 * state and retried with backoff; users opt out per channel. Integrators subscribe webhooks to
 * event types and receive each event's envelope, signed with the subscription's secret.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "mail", "shipments :: events", "identity :: events", "identity"})
package io.waybill.notifications;
