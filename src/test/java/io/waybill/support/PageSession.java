package io.waybill.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's page session over plain HTTP: its cookie jar, following no redirect, and the CSRF
 * token of the latest page that carried one, which {@link #post(String, Map)} sends with the form.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;

    public PageSession(int port) {
        this.port = port;
    }

    /** A session signed in with this email and password (through the sign-in form, with its token). */
    public static PageSession signedIn(int port, String email, String password)
            throws IOException, InterruptedException {
        PageSession session = new PageSession(port);
        HttpResponse<String> signedIn = session.post("/signin", Map.of("email", email, "password", password));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return session;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return kept(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    /** Posts the form with the session's CSRF token (taken from the sign-in page when none was seen yet). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        if (token == null) {
            get("/signin");
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token);
        HttpResponse<String> response = postWithoutToken(path, withToken);
        if (path.equals("/signin") && response.statusCode() == 302) {
            // Signing in gives the session a new token: the next page carries it.
            token = null;
        }
        return response;
    }

    /** Posts the form as given: without a token unless the fields carry one. */
    public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return post(path, fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&")));
    }

    /** Posts an encoded form body exactly as given. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return kept(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Sends a request built here, with the session's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the latest page that carried one. */
    public String token() {
        assertThat(token).as("a CSRF token in a page of this session").isNotNull();
        return token;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The CSRF token in this page. */
    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> kept(HttpResponse<String> response) {
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            token = matcher.group(1);
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
