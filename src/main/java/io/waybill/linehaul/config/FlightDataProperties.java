package io.waybill.linehaul.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The flight-data provider ({@code waybill.flights.*}).
 *
 * @param baseUrl       the provider's API root (WAYBILL_FLIGHTS_BASE_URL); empty: no provider, sync and
 *                      alert subscriptions are refused with 409
 * @param apiKey        its key (WAYBILL_FLIGHTS_API_KEY)
 * @param webhookSecret the shared secret the provider's alerts are signed with, HMAC-SHA256 of the body
 *                      in {@code X-Signature} (WAYBILL_FLIGHTS_WEBHOOK_SECRET); empty: every alert is refused
 * @param callbackUrl   where the provider is told to deliver alerts: this server's
 *                      {@code /flights/webhook} as the internet reaches it (WAYBILL_FLIGHTS_CALLBACK_URL)
 * @param timeout       how long a call to the provider may take
 */
@ConfigurationProperties("waybill.flights")
public record FlightDataProperties(@DefaultValue("") String baseUrl, @DefaultValue("") String apiKey,
        @DefaultValue("") String webhookSecret, @DefaultValue("") String callbackUrl,
        @DefaultValue("PT10S") Duration timeout) {
}
