package io.waybill.shipments.config;

import io.waybill.kernel.LargeBodyPath;
import io.waybill.shipments.DeliveryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** Slack for the proof's other fields around the image. */
    private static final long FIELDS = 64 * 1024;

    @Bean
    DeliveryPolicy deliveryPolicy(DeliveryProperties properties) {
        return new DeliveryPolicy(properties.acceptedProofs(), properties.maxFailedAttempts(),
                properties.maxImageSize().toBytes());
    }

    /**
     * A proof of delivery carries its image in base64 (4 characters for 3 bytes): its body may be as
     * large as the largest image so written, which the image check then measures and refuses by itself.
     */
    @Bean
    LargeBodyPath proofOfDeliveryBody(DeliveryProperties properties) {
        long image = properties.maxImageSize().toBytes();
        return new LargeBodyPath("/shipments/*/proof-of-delivery", (image + 2) / 3 * 4 + image / 10 + FIELDS);
    }
}
