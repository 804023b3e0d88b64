package io.waybill.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.support.FakeOidcProvider.Person;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signing in with an identity provider of the tests ({@link FakeOidcProvider}) through one
 * of Waybill's registrations: it keeps cookies and follows the redirects by hand (Waybill, the
 * provider, Waybill's callback), so a test sees each step.
 */
public final class OidcBrowser {

    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private final int port;
    private final FakeOidcProvider provider;
    private final String registration;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public OidcBrowser(int port, FakeOidcProvider provider, String registration) {
        this.port = port;
        this.provider = provider;
        this.registration = registration;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(uri(path));
    }

    /** Starts a sign-in at Waybill; answers where Waybill sends the browser (the provider's authorize). */
    public URI start(String query) throws IOException, InterruptedException {
        HttpResponse<String> started = get("/auth/oidc/" + registration + query);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        URI authorize = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize?");
        return authorize;
    }

    /** Signs in at the provider; answers where the provider sends the browser back (Waybill's callback). */
    public URI atProvider(URI authorize) throws IOException, InterruptedException {
        HttpResponse<String> signedIn = get(authorize);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    }

    /** The person signs in at the provider, which sends the browser back to Waybill's callback: its answer. */
    public HttpResponse<String> callback(Person person, String query) throws IOException, InterruptedException {
        provider.signIn(person);
        return get(atProvider(start(query)));
    }

    /** A page's answer as the API's tests read one. */
    public static Api.Response asApi(HttpResponse<String> response) {
        return new Api.Response(response.statusCode(), response.headers().map(), response.body());
    }

    /** A sign-in answered as JSON: its one-time code. */
    public String signInForCode(Person person, String query) throws IOException, InterruptedException {
        HttpResponse<String> callback = callback(person, query);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(callback.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher code = CODE.matcher(callback.body());
        assertThat(code.find()).as(callback.body()).isTrue();
        return code.group(1);
    }
}
