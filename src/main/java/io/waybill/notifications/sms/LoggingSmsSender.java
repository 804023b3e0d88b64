package io.waybill.notifications.sms;

import io.waybill.notifications.SmsSender;
import io.waybill.kernel.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: no provider configured, so the message is written to the log instead. */
final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    /** A delivery code: six digits standing alone (a tracking number's digits follow its letters). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\b\\d{6}\\b");

    @Override
    public void send(String to, String text) {
        // The text carries what customers and agents typed (names, places): escaped, it stays on one line.
        // A delivery code is a secret and logs are not: it is masked (the customer's email carries it).
        log.info("SMS (no provider configured) to {}: {}", LogSafe.escape(to),
                LogSafe.escape(CODE.matcher(text).replaceAll("******")));
    }

    @Override
    public String name() {
        return "the log (no SMS provider configured)";
    }
}
