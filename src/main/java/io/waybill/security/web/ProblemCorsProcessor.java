package io.waybill.security.web;

import io.waybill.kernel.web.Problems;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, with a refusal written as a problem body like every other 403. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final Problems problems;

    ProblemCorsProcessor(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        problems.write(((ServletServerHttpResponse) response).getServletResponse(), null, HttpStatus.FORBIDDEN,
                "Cross-origin requests from this origin are not allowed.");
    }
}
