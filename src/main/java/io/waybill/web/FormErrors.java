package io.waybill.web;

import io.waybill.kernel.AuthenticationFailedException;
import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.RefusalException;
import io.waybill.kernel.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
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
        } else if (refusal instanceof InvalidRequestException invalid && invalid.field() != null) {
            errors.put("form", invalid.field().replace('_', ' ') + " " + refusal.getMessage());
        } else {
            errors.put("form", refusal.getMessage());
        }
        model.addAttribute("errors", errors);
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
