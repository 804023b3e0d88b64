package io.waybill.notifications;

/** Which channels a user accepts notifications on; all of them, until they opt out. */
public record NotificationPreferences(boolean email, boolean sms, boolean whatsapp, boolean push) {

    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true, true, true);

    public boolean accepts(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> sms;
            case WHATSAPP -> whatsapp;
            case PUSH -> push;
        };
    }

    /** These preferences with the channels given changed; a channel left null keeps its setting. */
    public NotificationPreferences with(Boolean email, Boolean sms, Boolean whatsapp, Boolean push) {
        return new NotificationPreferences(email != null ? email : this.email, sms != null ? sms : this.sms,
                whatsapp != null ? whatsapp : this.whatsapp, push != null ? push : this.push);
    }
}
