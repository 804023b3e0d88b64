package io.waybill.mail;

/**
 * Sends plain-text email. A message is queued in the caller's transaction and sent after it
 * commits, with retries; a failure to send never fails the caller.
 */
public interface OutgoingMail {

    void queue(String to, String subject, String text);
}
