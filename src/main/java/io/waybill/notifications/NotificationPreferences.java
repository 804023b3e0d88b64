package io.waybill.notifications;

/** Which channels a user accepts notifications on; both, until they opt out. */
public record NotificationPreferences(boolean email, boolean sms) {

    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true);

    public boolean accepts(Channel channel) {
        return channel == Channel.EMAIL ? email : sms;
    }
}
