package io.waybill.notifications.sms;

import io.waybill.notifications.config.NotificationsProperties;
import io.waybill.notifications.SmsSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Twilio when {@code waybill.sms.twilio.base-url} is set, otherwise messages are only logged. A base URL
 * without the account's credentials stops start-up ({@link NotificationsProperties.Twilio}).
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsSender smsSender(NotificationsProperties properties) {
        NotificationsProperties.Twilio twilio = properties.sms().twilio();
        if (!twilio.enabled()) {
            return new LoggingSmsSender();
        }
        return new TwilioSmsSender(twilio.baseUrl(), twilio.accountSid(), twilio.authToken(), twilio.from(),
                properties.sms().timeout());
    }
}
