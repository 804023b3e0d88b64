/**
 * Outgoing email: a module hands a message to {@link io.waybill.mail.OutgoingMail} inside its own
 * transaction; the relay sends it afterwards over SMTP (or to .eml files in development), with
 * retries, and never inside a database transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"kernel", "kernel :: persistence"})
package io.waybill.mail;
