/**
 * Tells people what happens to their shipments: email (through the mail module's outbox), SMS
 * (through an {@link io.waybill.notifications.SmsSender}), WhatsApp template messages (Meta's Cloud
 * API) and push notifications (FCM, to the devices users register) on booking, out for delivery,
 * delivered and failed delivery, from the shipments' events; and the other side of each reply on a
 * support ticket (the care module's {@code ticket.replied}), by email. Every notification is recorded
 * with its state and retried with backoff; users opt out per channel. Integrators subscribe
 * webhooks to event types and receive each event's envelope, signed with the subscription's secret.
 * Whoever writes a tracking number to the WhatsApp number is answered with the shipment's public
 * status ({@link io.waybill.notifications.WhatsAppInbox}), from the module's own read model of
 * public statuses ({@link io.waybill.notifications.PublicStatuses}) fed by the shipments' events it
 * consumes anyway: tracking's lookup runs in another process in a split deployment, and tracking
 * publishes no type for it.
 *
 * <p>Whom to write to (address, name, phone, whether the address is verified) comes from the
 * module's own read model of the accounts, {@link io.waybill.notifications.Recipients}
 * ({@code notifications.recipients}), fed by identity's published {@code user.created},
 * {@code user.updated} and {@code user.deleted} events; the module uses identity's event types
 * only, never its code. A read model rather than a call to an identity HTTP API: notifications are
 * sent in the background, so a copy that lags by the event delay costs nothing, whereas a call
 * would make every notification (and each retry) depend on the identity service being up, and a
 * notification planned for an account not known yet waits for its {@code user.created} anyway
 * (see {@link io.waybill.notifications.NotificationDispatcher}). Webhook owners' current role is
 * the security module's {@link io.waybill.security.AccountLookup} (see
 * {@link io.waybill.notifications.WebhookPlanner}).
 *
 * <p>A tenant's admins may replace the built-in text of a notification with the tenant's own
 * ({@link io.waybill.notifications.TemplateOverride}, kept in {@code notifications.template_overrides}
 * under row-level security), which the tenant's notifications are then written with.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"kernel", "eventing", "security", "mail", "shipments :: events", "identity :: events", "care :: events"})
package io.waybill.notifications;
