package io.waybill.notifications;

import io.waybill.kernel.InvalidRequestException;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's own text for one kind of notification on one channel, in place of the built-in
 * template (issue 13). It follows the built-in one's form (an email's first line {@code Subject: ...},
 * a push's {@code Title: ...}) and may use only the placeholders the built-in one uses, since those
 * are the values the notification has. WhatsApp messages are templates Meta approved for the
 * business: they cannot be changed here.
 */
public record TemplateOverride(String kind, Channel channel, String template, Instant changedAt) {

    static final int MAX_LENGTH = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** The override, checked against the built-in template it replaces (422 naming the field). */
    static TemplateOverride of(String kind, Channel channel, String template, String builtIn, Instant at) {
        if (channel == Channel.WHATSAPP) {
            throw new InvalidRequestException("channel", "WhatsApp messages are templates approved by Meta; "
                    + "they cannot be changed here");
        }
        if (template == null || template.isBlank()) {
            throw new InvalidRequestException("template", "is required");
        }
        String text = template.strip().replace("\r\n", "\n");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRequestException("template", "must be at most " + MAX_LENGTH + " characters");
        }
        String header = channel == Channel.EMAIL ? "Subject:" : channel == Channel.PUSH ? "Title:" : null;
        if (header != null && (!text.startsWith(header) || text.indexOf('\n') < 0
                || text.substring(text.indexOf('\n')).isBlank())) {
            throw new InvalidRequestException("template", "must start with a line \"" + header
                    + " ...\" followed by the message");
        }
        if (header == null && text.contains("\n")) {
            throw new InvalidRequestException("template", "must be one line for " + channel.wireName());
        }
        Set<String> allowed = placeholders(builtIn);
        Set<String> used = placeholders(text);
        used.removeAll(allowed);
        if (!used.isEmpty()) {
            throw new InvalidRequestException("template", "may use only the placeholders "
                    + (allowed.isEmpty() ? "(none)" : "{{" + String.join("}}, {{", allowed) + "}}"));
        }
        return new TemplateOverride(kind, channel, text, at);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
