package io.waybill.notifications.sms;

import io.waybill.notifications.SmsSender;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio when {@code waybill.sms.twilio.base-url} is set, otherwise messages are only logged. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsSender smsSender(@Value("${waybill.sms.twilio.base-url:}") String baseUrl,
            @Value("${waybill.sms.twilio.account-sid:}") String accountSid,
            @Value("${waybill.sms.twilio.auth-token:}") String authToken,
            @Value("${waybill.sms.twilio.from:}") String from,
            @Value("${waybill.sms.timeout:PT10S}") Duration timeout) {
        if (baseUrl.isBlank()) {
            return new LoggingSmsSender();
        }
        if (accountSid.isBlank() || authToken.isBlank() || from.isBlank()) {
            throw new IllegalStateException("waybill.sms.twilio.base-url is set: account-sid, auth-token and from "
                    + "are required too");
        }
        return new TwilioSmsSender(baseUrl, accountSid, authToken, from, timeout);
    }
}
