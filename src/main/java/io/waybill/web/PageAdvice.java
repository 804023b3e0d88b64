package io.waybill.web;

import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.Services;
import io.waybill.kernel.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows (who is signed in), and refusals as pages rather than the API's problem
 * bodies: placed before the API's handler, for the pages' controllers only.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final boolean careRuns;

    PageAdvice(Services services) {
        this.careRuns = services.runs("care");
    }

    @ModelAttribute("user")
    PageUser user() {
        return SignedIn.current().orElse(null);
    }

    /** Whether the customer-care pages ({@link CarePages}) run here, so that links to them are shown. */
    @ModelAttribute("care")
    boolean care() {
        return careRuns;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException refusal, Model model, HttpServletResponse response) {
        return refused(HttpStatus.NOT_FOUND, "error.not_found", null, model, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException refusal, Model model, HttpServletResponse response) {
        return refused(HttpStatus.FORBIDDEN, "error.forbidden", refusal.getMessage(), model, response);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    String tooMany(TooManyRequestsException refusal, Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        return refused(HttpStatus.TOO_MANY_REQUESTS, "error.too_many", refusal.getMessage(), model, response);
    }

    @ExceptionHandler({BadParameterException.class, InvalidRequestException.class})
    String badRequest(RefusalException refusal, Model model, HttpServletResponse response) {
        return refused(HttpStatus.BAD_REQUEST, "error.bad_request", refusal.getMessage(), model, response);
    }

    @ExceptionHandler(RefusalException.class)
    String refused(RefusalException refusal, Model model, HttpServletResponse response) {
        return refused(HttpStatus.CONFLICT, "error.refused", refusal.getMessage(), model, response);
    }

    private static String refused(HttpStatus status, String titleKey, String detail, Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("user", SignedIn.current().orElse(null));
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("detail", detail);
        return "web/error";
    }
}
