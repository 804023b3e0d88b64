package io.waybill.web;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.RefusalException;
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

    /** Puts the values typed (never passwords) and the error into the model; the page's status is 422. */
    static void show(Model model, Map<String, String> values, RefusalException refusal) {
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

    static void empty(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
    }
}
