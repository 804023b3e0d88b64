package io.waybill.notifications;

import java.util.List;

/**
 * Sends a WhatsApp template message: one of the business's templates approved by Meta, filled with
 * positional body parameters. Present only when WhatsApp is configured; without it no WhatsApp
 * message is planned. A transient failure is thrown as any exception and retried; a refusal that
 * no retry can change is a {@link RejectedByProvider}.
 */
public interface WhatsAppSender {

    void send(String to, String template, List<String> parameters) throws Exception;
}
