package io.waybill.notifications;

/**
 * A provider refused a message for a reason that sending it again cannot change (a 4xx other than
 * 429: a template it does not have, a number that is not on WhatsApp, a bad request): the
 * notification is failed at once instead of being retried.
 */
public final class RejectedByProvider extends Exception {

    public RejectedByProvider(String reason) {
        super(reason, null, false, false);
    }
}
