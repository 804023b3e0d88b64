package io.waybill.notifications.sms;

import io.waybill.notifications.SmsSender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json} with the form
 * fields {@code To}, {@code From} and {@code Body}, authenticated with the account sid and auth
 * token (HTTP basic). Any answer but 2xx is a failure, retried by the dispatcher.
 */
final class TwilioSmsSender implements SmsSender {

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;
    private final String from;
    private final Duration timeout;

    TwilioSmsSender(String baseUrl, String accountSid, String authToken, String from, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void send(String to, String text) throws IOException, InterruptedException {
        String form = "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(text);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new IOException("Twilio answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 200)));
        }
    }

    @Override
    public String name() {
        return "Twilio at " + endpoint.getHost();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
