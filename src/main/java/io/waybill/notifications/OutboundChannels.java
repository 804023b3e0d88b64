package io.waybill.notifications;

import java.util.Optional;

/**
 * The senders of the channels that need a provider configured: WhatsApp and push. Email (the mail
 * outbox) and SMS (Twilio, or the log) are always offered.
 */
public final class OutboundChannels {

    private final WhatsAppSender whatsApp;
    private final PushSender push;

    /** A sender left null is a channel this server does not offer. */
    public OutboundChannels(WhatsAppSender whatsApp, PushSender push) {
        this.whatsApp = whatsApp;
        this.push = push;
    }

    public boolean offers(Channel channel) {
        return switch (channel) {
            case EMAIL, SMS -> true;
            case WHATSAPP -> whatsApp != null;
            case PUSH -> push != null;
        };
    }

    Optional<WhatsAppSender> whatsApp() {
        return Optional.ofNullable(whatsApp);
    }

    Optional<PushSender> push() {
        return Optional.ofNullable(push);
    }
}
