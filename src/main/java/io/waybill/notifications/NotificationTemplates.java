package io.waybill.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The texts of the notifications, from files under {@code templates/notifications/} on the class
 * path: {@code <kind>.email.txt} (a first line {@code Subject: ...}, then the body) and
 * {@code <kind>.sms.txt}. {@code {{name}}} placeholders are replaced by the values given; an
 * unknown one by nothing.
 */
@Component
class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private final Map<String, String> files = new ConcurrentHashMap<>();

    RenderedMessage render(String kind, Channel channel, Map<String, String> values) {
        String template = files.computeIfAbsent(kind + "." + channel.wireName() + ".txt", NotificationTemplates::load);
        String text = fill(template, values).strip();
        if (channel == Channel.EMAIL && text.startsWith("Subject:")) {
            int end = text.indexOf('\n');
            String subject = text.substring("Subject:".length(), end < 0 ? text.length() : end).strip();
            return new RenderedMessage(subject, end < 0 ? "" : text.substring(end + 1).strip() + "\n");
        }
        return new RenderedMessage(null, text);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
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
