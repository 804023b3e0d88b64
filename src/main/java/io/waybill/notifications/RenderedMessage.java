package io.waybill.notifications;

/** A template filled in: the subject (email only) and the text. */
public record RenderedMessage(String subject, String body) {
}
