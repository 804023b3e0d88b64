package io.waybill.notifications;

import io.waybill.notifications.config.NotificationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link WebhookUrlPolicy} of the application, so that what registration accepts and what a
 * delivery may call are judged alike. The policy itself is a plain domain type.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(NotificationsProperties properties) {
        return new WebhookUrlPolicy(properties.webhooks().allowPrivateAddresses());
    }
}
