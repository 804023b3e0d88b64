package io.waybill.web;

import io.waybill.kernel.InvalidRequestException;
import io.waybill.kernel.RefusalException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * A form posted to a page, and its answer: what the service's call leads to, or, when the service
 * refuses, the form's page again with what was typed and the refusal beside the field it names
 * ({@link FormErrors}). A refusal of another kind is the page's, not the form's: {@link PageAdvice}
 * answers it.
 */
final class SentForm {

    private final Map<String, String> values;
    private final Model model;
    private final HttpServletResponse response;
    private final List<String> choices;
    private final String above;
    private final List<Class<? extends RefusalException>> notTheForms;

    private SentForm(Map<String, String> values, Model model, HttpServletResponse response, List<String> choices,
            String above, List<Class<? extends RefusalException>> notTheForms) {
        this.values = values;
        this.model = model;
        this.response = response;
        this.choices = choices;
        this.above = above;
        this.notTheForms = notTheForms;
    }

    static SentForm of(Map<String, String> values, Model model, HttpServletResponse response) {
        return new SentForm(values, model, response, List.of(), null, List.of());
    }

    /** Fields a choice sends nothing for when nothing is chosen: a refusal naming one still goes beside it. */
    SentForm choices(String... fields) {
        return new SentForm(values, model, response, List.of(fields), above, notTheForms);
    }

    /**
     * One of several forms on a page: every refusal goes above the form of this name, with the status
     * the API answers ({@link FormErrors#showAbove}).
     */
    SentForm above(String formName) {
        return new SentForm(values, model, response, choices, formName, notTheForms);
    }

    /** Refusals left to the page (not found, forbidden) even where the form takes every other refusal. */
    @SafeVarargs
    final SentForm except(Class<? extends RefusalException>... refusals) {
        return new SentForm(values, model, response, choices, above, List.of(refusals));
    }

    /** The action's answer; on an {@link InvalidRequestException}, {@code page} again, refilled by {@code refill}. */
    String answer(Supplier<String> action, String page, Runnable refill) {
        return answer(InvalidRequestException.class, action, page, refill);
    }

    /** The action's answer; on a refusal of the kind {@code shown}, {@code page} again, which needs nothing more. */
    String answer(Class<? extends RefusalException> shown, Supplier<String> action, String page) {
        return answer(shown, action, page, () -> { });
    }

    /** The action's answer; on a refusal of the kind {@code shown}, {@code page} again, refilled by {@code refill}. */
    String answer(Class<? extends RefusalException> shown, Supplier<String> action, String page, Runnable refill) {
        try {
            return action.get();
        } catch (RefusalException refusal) {
            if (!shown.isInstance(refusal) || notTheForms.stream().anyMatch(kind -> kind.isInstance(refusal))) {
                throw refusal;
            }
            show(refusal);
            refill.run();
            return page;
        }
    }

    /** The form's page again with this refusal, which did not come from an action. */
    String refused(RefusalException refusal, String page) {
        show(refusal);
        return page;
    }

    private void show(RefusalException refusal) {
        if (above != null) {
            FormErrors.showAbove(model, above, refusal, response);
            return;
        }
        Map<String, String> sent = new LinkedHashMap<>(values);
        choices.forEach(field -> sent.putIfAbsent(field, ""));
        FormErrors.show(model, sent, refusal, response);
    }
}
