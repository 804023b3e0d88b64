package io.waybill.notifications.sms;

import io.waybill.notifications.SmsSender;
import io.waybill.kernel.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: no provider configured, so the message is written to the log instead. */
final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String to, String text) {
        // The text carries what customers and agents typed (names, places): escaped, it stays on one line.
        log.info("SMS (no provider configured) to {}: {}", LogSafe.escape(to), LogSafe.escape(text));
    }

    @Override
    public String name() {
        return "the log (no SMS provider configured)";
    }
}
