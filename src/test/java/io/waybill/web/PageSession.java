package io.waybill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's cookie jar over plain HTTP, following no redirect: the pages as a test signs in to them. */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    PageSession(int port) {
        this.port = port;
    }

    /** A session signed in through the sign-in form. */
    static PageSession signedIn(int port, String email, String password) throws IOException, InterruptedException {
        PageSession session = new PageSession(port);
        String token = csrfToken(session.get("/signin").body());
        HttpResponse<String> signedIn = session.post("/signin", "email=" + email.replace("@", "%40") + "&password="
                + password + "&_csrf=" + token);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return session;
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
