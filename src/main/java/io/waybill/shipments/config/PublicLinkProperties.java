package io.waybill.shipments.config;

import io.waybill.kernel.InvalidSettingException;
import io.waybill.shipments.TrackingLink;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waybill.public-base-url}: where customers reach this deployment, e.g.
 * {@code https://track.example.com}. Shipping labels print {@code <base>/t/<tracking number>} in
 * their QR code, so it must be the address a phone outside reaches, not an internal one.
 */
@ConfigurationProperties("waybill")
public record PublicLinkProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl) {

    public PublicLinkProperties {
        try {
            publicBaseUrl = new TrackingLink(publicBaseUrl == null ? "" : publicBaseUrl.trim()).baseUrl();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("waybill.public-base-url", "waybill.public-base-url must be an http or "
                    + "https URL with a host and without query or fragment; it is '" + publicBaseUrl + "'.",
                    "Set waybill.public-base-url to the address customers reach, such as https://track.example.com, "
                            + "or remove it to use http://localhost:8080.");
        }
    }

    public TrackingLink trackingLink() {
        return new TrackingLink(publicBaseUrl);
    }
}
