/**
 * Outgoing email: a module hands a message to {@link io.waybill.mail.OutgoingMail} inside its own
 * transaction; the relay sends it afterwards over SMTP (or to .eml files in development), with
 * retries, and never inside a database transaction. A tenant's mail goes out from the tenant's own
 * sender when its admin set one: the module keeps its copy of the senders from identity's
 * {@code tenant.settings_changed} events (read by topic and field names), else the deployment's
 * {@code waybill.mail.from}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"kernel", "kernel :: persistence", "eventing"})
package io.waybill.mail;
