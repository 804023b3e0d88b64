package io.waybill.kernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, so that a client's report, a problem body and the log lines of one
 * request can be matched: the client's {@code X-Request-Id} when it is a short plain token, else a
 * new one. It is answered in the same header, put in every problem body ({@code request_id}) and in
 * the logging context ({@code request_id}) for as long as the request is handled. Runs before every
 * other filter, the security chain included, and again on the error dispatch.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    /** A token a log line or a header can carry as is: nothing a reader could mistake for structure. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getDispatcherType() == DispatcherType.REQUEST && log.isDebugEnabled()) {
                log.debug("{} {} answered {} in {} ms", request.getMethod(), request.getRequestURI(),
                        response.getStatus(), (System.nanoTime() - started) / 1_000_000);
            }
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** Every dispatch of the request (the error page's, a stream's later ones) keeps its id. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    private static String idOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : newId();
    }

    /**
     * A version-4 UUID from the thread's own generator: an id to match log lines by, not a secret, so it
     * needs no {@link java.security.SecureRandom}, whose shared lock every request would queue on.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The id of the request being handled, or null outside one. */
    static String current(HttpServletRequest request) {
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        return MDC.get(MDC_KEY);
    }
}
