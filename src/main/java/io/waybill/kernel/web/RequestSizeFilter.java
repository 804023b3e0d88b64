package io.waybill.kernel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.waybill.kernel.LargeBodyPath;
import java.util.List;
import org.springframework.util.AntPathMatcher;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code waybill.max-request-size} (1 MB) with 413: at once when
 * the declared length is larger, and while reading when the body comes in chunks of unknown length.
 * Paths a module declared as {@link LargeBodyPath}s (uploads) have their own, larger limit.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long defaultMaxBytes;
    private final List<LargeBodyPath> largeBodies;
    private final Problems problems;

    RequestSizeFilter(long maxBytes, Problems problems) {
        this(maxBytes, List.of(), problems);
    }

    RequestSizeFilter(long maxBytes, List<LargeBodyPath> largeBodies, Problems problems) {
        this.defaultMaxBytes = maxBytes;
        this.largeBodies = List.copyOf(largeBodies);
        this.problems = problems;
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = defaultMaxBytes;
        for (LargeBodyPath large : largeBodies) {
            if (large.maxBytes() > limit && PATHS.match(large.pathPattern(), path)) {
                limit = large.maxBytes();
            }
        }
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, request, HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxBytes));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    private static String tooLarge(long maxBytes) {
        return "The request body is larger than " + maxBytes + " bytes.";
    }

    /** Counts what is read, and stops at the limit. */
    private final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;
        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    private void counted(int n) throws BodyTooLargeException {
                        count += n;
                        if (count > maxBytes) {
                            throw new BodyTooLargeException(tooLarge(maxBytes));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
