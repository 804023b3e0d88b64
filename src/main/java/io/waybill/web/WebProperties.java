package io.waybill.web;

import io.waybill.kernel.InvalidSettingException;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pages' settings ({@code waybill.web.*}).
 *
 * @param mapTilesUrl    the map tiles' URL template, e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}
 *                       ({@code {s}.} for the provider's subdomains); blank: maps show their points on a
 *                       plain background, and no page loads anything from another origin
 * @param mapAttribution the credit the tiles' provider asks for, shown on the map
 */
@ConfigurationProperties("waybill.web")
record WebProperties(@DefaultValue("") String mapTilesUrl, @DefaultValue("") String mapAttribution) {

    private static final String SETTING = "waybill.web.map-tiles-url";

    WebProperties {
        if (!mapTilesUrl.isBlank()) {
            tilesOrigin(mapTilesUrl);
        }
    }

    /** The tiles' origin, which the pages' content security policy lets images come from; empty without tiles. */
    String mapTilesOrigin() {
        return mapTilesUrl.isBlank() ? "" : tilesOrigin(mapTilesUrl);
    }

    private static String tilesOrigin(String template) {
        boolean subdomains = template.contains("{s}.");
        URI uri;
        try {
            uri = URI.create(template.replace("{s}.", "").replaceAll("\\{[^}]*}", "0"));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidSettingException(SETTING, "is not a URL template: " + malformed.getMessage(),
                    "Set it to the tiles' URL with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new InvalidSettingException(SETTING, "must be an http(s) URL with a host.",
                    "Set it to the tiles' URL with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.");
        }
        return uri.getScheme() + "://" + (subdomains ? "*." : "") + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
