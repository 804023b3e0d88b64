/**
 * Tells people what happens to their shipments: email (through the platform's mail outbox) and SMS
 * (through an {@link io.waybill.notifications.SmsSender}) on booking, out for delivery, delivered
 * and failed delivery, from the shipments' events only. Every notification is recorded with its
 * state and retried with backoff; users opt out per channel. Integrators subscribe webhooks to
 * event types and receive each event's envelope, signed with the subscription's secret.
 */
package io.waybill.notifications;
