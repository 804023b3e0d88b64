package io.waybill.notifications.messaging;

import io.waybill.notifications.OutboundChannels;
import io.waybill.notifications.config.NotificationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp sender when {@code waybill.whatsapp.base-url} is set, the push sender when
 * {@code waybill.push.fcm.base-url} is: without them there is no sender, and no message on that
 * channel is planned. Missing credentials beside a base URL stop start-up ({@link NotificationsProperties}).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    OutboundChannels outboundChannels(NotificationsProperties properties, JsonMapper json) {
        NotificationsProperties.WhatsApp whatsapp = properties.whatsapp();
        NotificationsProperties.Fcm fcm = properties.push().fcm();
        return new OutboundChannels(
                whatsapp.enabled() ? new WhatsAppCloudSender(json, whatsapp.baseUrl(), whatsapp.apiVersion(),
                        whatsapp.phoneNumberId(), whatsapp.accessToken(), whatsapp.language(), whatsapp.timeout())
                        : null,
                fcm.enabled() ? new FcmPushSender(json, fcm.baseUrl(), fcm.projectId(), fcm.accessToken(),
                        properties.push().timeout()) : null);
    }
}
