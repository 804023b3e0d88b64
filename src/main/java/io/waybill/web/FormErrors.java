package io.waybill.web;

import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.BadParameterException;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A form sent back with what was wrong: the refusal of the service, beside the field it names
 * (the {@code field} of the API's problem body for the same mistake), or above the form.
 */
final class FormErrors {

    private FormErrors() {
    }

    /**
     * Puts the values typed (never passwords) and the error into the model, and the status the API
     * would answer: 401 for a wrong password, 429 when a limit is reached, else 422.
     */
    static void show(Model model, Map<String, String> values, RefusalException refusal, HttpServletResponse response) {
        response.setStatus(refusal instanceof TooManyRequestsException ? 429
                : refusal instanceof AuthenticationFailedException ? 401 : 422);
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.keySet().removeIf(name -> name.contains("password") || name.equals("_csrf"));
        model.addAttribute("form", kept);
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal instanceof InvalidRequestException invalid && invalid.field() != null
                && values.containsKey(invalid.field())) {
            errors.put(invalid.field(), refusal.getMessage());
        } else {
            errors.put("form", sentence(refusal));
        }
        model.addAttribute("errors", errors);
    }

    /**
     * For a page of several forms: the refusal above the form of this name (the model's {@code errors}
     * keyed by it), with the status the API answers; what was typed is not kept.
     */
    static void showAbove(Model model, String formName, RefusalException refusal, HttpServletResponse response) {
        response.setStatus(apiStatus(refusal).value());
        model.addAttribute("errors", Map.of(formName, sentence(refusal)));
    }

    /** The status the API answers for a refusal. */
    static HttpStatus apiStatus(RefusalException refusal) {
        if (refusal instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof BadParameterException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refusal instanceof InvalidRequestException) {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
        if (refusal instanceof TooManyRequestsException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        // A conflict (an illegal move, a final status), and any other refusal, as the pages answer it.
        return HttpStatus.CONFLICT;
    }

    /** A refusal as a sentence: the field it names first, as the API's problem body names it. */
    static String sentence(RefusalException refusal) {
        return refusal instanceof InvalidRequestException invalid && invalid.field() != null
                ? invalid.field().replace('_', ' ') + " " + refusal.getMessage() : refusal.getMessage();
    }

    /** An optional field left blank is absent. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A number field: blank is absent, anything else not a number is refused beside the field. */
    static BigDecimal number(String field, String value, String mistake) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException(field, mistake);
        }
    }

    static void empty(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
    }
}
