package io.waybill.notifications;

import java.util.Locale;

/** How a notification reaches its recipient. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, PUSH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
