package io.waybill.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts a webhook delivery over HTTP(S), connecting only to addresses the {@link WebhookUrlPolicy}
 * has vetted. The client's DNS resolver is the policy itself: the one resolution of an attempt is
 * the one that is checked and the one that is connected to, while the request keeps the URL's host
 * name for the Host header, TLS SNI and certificate checks. A DNS answer that turns private between
 * a check and a connection (rebinding) therefore has nothing to slip through. Connections are not
 * kept alive, so every attempt resolves and checks afresh; redirects are not followed, no proxy
 * from the environment is used, and nothing is retried behind the dispatcher's back.
 */
final class HttpComponentsWebhookSender implements AutoCloseable {

    private final CloseableHttpClient http;

    HttpComponentsWebhookSender(WebhookUrlPolicy urls, Duration timeout) {
        DnsResolver vetting = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return urls.vettedAddresses(host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout limit = Timeout.of(timeout);
        Timeout connect = Timeout.of(timeout.compareTo(Duration.ofSeconds(3)) < 0 ? timeout : Duration.ofSeconds(3));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(vetting)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).setRedirectsEnabled(false).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * Posts this JSON body with these headers and returns the status code of the answer, whose body
     * is not read.
     *
     * @throws WebhookUrlPolicy.RefusedAddressException when the host resolves to an address the
     *         policy refuses; nothing was sent
     */
    int post(String url, Map<String, String> headers, String body) throws IOException {
        HttpPost request = new HttpPost(URI.create(url));
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return http.execute(request, response -> response.getCode());
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
