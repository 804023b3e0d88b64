package io.waybill.security.idempotency;

import io.waybill.kernel.Caller;
import io.waybill.kernel.CallerPrincipal;
import io.waybill.kernel.Idempotent;
import io.waybill.kernel.web.BodyTooLargeException;
import io.waybill.kernel.web.HandlerAnnotations;
import io.waybill.kernel.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Makes the writes marked {@link Idempotent} safe to retry. A request with an {@code Idempotency-Key}
 * takes the key for its caller before anything is done (a row of its own, committed at once); the
 * same key from the same caller then finds:
 * <ul>
 * <li>the first request answered, with the same method, path and body: that answer again (status,
 * body, {@code Content-Type}, {@code Location}), with {@code Idempotent-Replayed: true}, and nothing
 * done;</li>
 * <li>a different request: 422;</li>
 * <li>the first request still being handled: 409 (unless its lease ran out: its process died, and
 * this request runs in its place).</li>
 * </ul>
 * Answers that the same request would get again are kept for replay: every 2xx, and the 4xx that
 * describe the request itself (400, 404, 405, 413, 415, 422, ...). Answers that depend on the
 * moment are not, and give the key back so that a retry runs again: 5xx, 401 and 403 (credentials
 * and roles change), 408, 409 (state changed under it), 423, 425 and 429 (rate limits).
 *
 * <p>Runs after the security filters, so it knows the caller (keys are per caller: no one can replay
 * another's answer) and a refused credential never takes a key.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> MOMENTARY = Set.of(401, 403, 408, 409, 423, 425, 429);
    static final int MAX_KEY_LENGTH = 255;

    private final HandlerAnnotations handlers;
    private final ObjectProvider<JdbcIdempotencyKeys> keys;
    private final Problems problems;
    private final Clock clock;
    private final IdempotencyProperties properties;

    /** The store is looked up on first use: filters are made early, and the database must not be touched then. */
    IdempotencyFilter(HandlerAnnotations handlers, ObjectProvider<JdbcIdempotencyKeys> keys, Problems problems,
            Clock clock, IdempotencyProperties properties) {
        this.handlers = handlers;
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(Idempotent.HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller();
        if (caller == null || handlers.of(request, Idempotent.class).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(Idempotent.HEADER);
        String invalid = invalidity(key);
        if (invalid != null) {
            problems.write(response, Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST,
                    "The Idempotency-Key header is not valid.", request),
                    List.of(Problems.fieldError(Idempotent.HEADER, invalid))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException tooLarge) {
            problems.write(response, request, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            return;
        }
        String path = pathOf(request);
        String fingerprint = RequestFingerprint.of(request.getMethod(), path, request.getQueryString(), body);
        JdbcIdempotencyKeys store = keys.getObject();
        JdbcIdempotencyKeys.Claim claim = store.claim(caller.userId(), key, fingerprint, request.getMethod(),
                truncate(path), clock.instant(), properties.lease(), properties.retention());
        if (claim instanceof JdbcIdempotencyKeys.Claim.Reserved reserved) {
            handle(new BufferedBody(request, body), response, chain, store, caller.userId(), key, reserved.token());
        } else if (claim instanceof JdbcIdempotencyKeys.Claim.Replay replay) {
            replay(replay.answer(), response);
        } else if (claim instanceof JdbcIdempotencyKeys.Claim.Mismatch) {
            problems.write(response, request, HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was used "
                    + "for a different request (another method, path or body); use a new key for a new request.");
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(response, request, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still "
                    + "being handled; retry once it has been answered.");
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            JdbcIdempotencyKeys store, UUID caller, String key, UUID token) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, answer);
            answered = true;
        } finally {
            int status = answer.getStatus();
            try {
                if (answered && keeps(status)) {
                    if (!store.complete(caller, key, token, new JdbcIdempotencyKeys.Answer(status,
                            answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                            answer.getContentAsByteArray()))) {
                        log.warn("Idempotency key of {} {} was taken over before its answer was recorded (the "
                                + "request outlasted waybill.idempotency.lease)", request.getMethod(),
                                request.getRequestURI());
                    }
                } else {
                    store.release(caller, key, token);
                }
            } catch (RuntimeException storeFailed) {
                // The answer still goes out; the key stays taken until its lease runs out.
                log.error("Could not record the answer of {} {} for its idempotency key", request.getMethod(),
                        request.getRequestURI(), storeFailed);
            }
            answer.copyBodyToResponse();
        }
    }

    private static void replay(JdbcIdempotencyKeys.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(Idempotent.REPLAYED_HEADER, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether the same request would get this answer again, so that it may be replayed. */
    static boolean keeps(int status) {
        return status >= 200 && status < 300 || status >= 400 && status < 500 && !MOMENTARY.contains(status);
    }

    /** Why a key cannot be used, or null: 1 to 255 printable ASCII characters. */
    static String invalidity(String key) {
        if (key.isBlank()) {
            return "must not be empty";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "must be at most " + MAX_KEY_LENGTH + " characters";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "must be printable ASCII characters only (a UUID, for example)";
            }
        }
        return null;
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        // A page session's user acts as its account: its actions' keys are that account's.
        return principal instanceof Caller caller ? caller
                : principal instanceof CallerPrincipal signedIn ? signedIn.caller() : null;
    }

    /** The path as routed (decoded, without {@code ;} parameters), so that every spelling of it is one request. */
    private static String pathOf(HttpServletRequest request) {
        try {
            return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        } catch (RuntimeException undecodable) {
            return request.getRequestURI();
        }
    }

    private static String truncate(String path) {
        return path.length() <= 500 ? path : path.substring(0, 500);
    }

    /** The request with its body read once, here, and read again from memory by MVC. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
