package io.waybill.notifications;

import java.util.Map;

/**
 * Sends a push notification to one device. Present only when push is configured. A transient
 * failure is thrown as any exception and retried; a refusal no retry can change is a
 * {@link RejectedByProvider}; a token the provider no longer knows is an {@link UnregisteredDevice},
 * and the device is forgotten.
 */
public interface PushSender {

    void send(String deviceToken, String title, String body, Map<String, String> data) throws Exception;

    /** The provider says this token names no installation of the app (uninstalled, expired, another project's). */
    final class UnregisteredDevice extends Exception {

        public UnregisteredDevice(String reason) {
            super(reason, null, false, false);
        }
    }
}
