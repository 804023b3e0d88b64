package io.waybill.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The texts of the notifications, from files under {@code templates/notifications/} on the class
 * path: {@code <kind>.email.txt} (a first line {@code Subject: ...}, then the body),
 * {@code <kind>.sms.txt}, {@code <kind>.push.txt} (a first line {@code Title: ...}, then the body)
 * and {@code <kind>.whatsapp.txt}. {@code {{name}}} placeholders are replaced by the values given;
 * an unknown one by nothing.
 *
 * <p>A WhatsApp message to a customer is one of the business's templates approved by Meta, with
 * positional parameters: its file names the template ({@code Template: ...}) and then gives the
 * parameters, one a line, in their order. The rendered message keeps the template's name as its
 * subject and the parameters as the lines of its body. Meta refuses a parameter with a line break
 * or a tab, so values are put on one line first.
 *
 * <p>A tenant's admin may replace the text of any other kind and channel with the tenant's own
 * ({@link TemplateOverride}), which is then used for the tenant's notifications.
 */
@Component
class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final TemplateOverrides overrides;

    @Autowired
    NotificationTemplates(TemplateOverrides overrides) {
        this.overrides = overrides;
    }

    /** The built-in templates only. */
    NotificationTemplates() {
        this(null);
    }

    /**
     * The message of this kind on this channel: from the current tenant's own text when it set one
     * ({@link TemplateOverride}; never for WhatsApp), else from the built-in template.
     */
    RenderedMessage render(String kind, Channel channel, Map<String, String> values) {
        String template = (overrides == null || channel == Channel.WHATSAPP ? java.util.Optional.<String>empty()
                : overrides.find(kind, channel)).orElseGet(() -> builtIn(kind, channel));
        String text = fill(template, values, channel == Channel.WHATSAPP).strip();
        String header = switch (channel) {
            case EMAIL -> "Subject:";
            case PUSH -> "Title:";
            case WHATSAPP -> "Template:";
            case SMS -> null;
        };
        if (header != null && text.startsWith(header)) {
            int end = text.indexOf('\n');
            String subject = text.substring(header.length(), end < 0 ? text.length() : end).strip();
            String body = end < 0 ? "" : text.substring(end + 1).strip();
            return new RenderedMessage(subject, channel == Channel.EMAIL ? body + "\n" : body);
        }
        return new RenderedMessage(null, text);
    }

    /** The built-in template of this kind and channel; empty when there is none. */
    java.util.Optional<String> builtInIfAny(String kind, Channel channel) {
        if (!kind.matches("[a-z_]{1,40}")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(builtIn(kind, channel));
        } catch (IllegalStateException missing) {
            return java.util.Optional.empty();
        }
    }

    private String builtIn(String kind, Channel channel) {
        return files.computeIfAbsent(kind + "." + channel.wireName() + ".txt", NotificationTemplates::load);
    }

    private static String fill(String template, Map<String, String> values, boolean oneLineValues) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value != null && oneLineValues) {
                value = value.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {4,}", "   ").strip();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String load(String name) {
        String path = "templates/notifications/" + name;
        try (InputStream in = NotificationTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing notification template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
