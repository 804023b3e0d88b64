package io.waybill.notifications;

/**
 * Sends a text message. Implementations: one that only logs (the default, for development) and one
 * for Twilio's REST API. A failure is thrown, and the notification retried later.
 */
public interface SmsSender {

    void send(String to, String text) throws Exception;

    String name();
}
