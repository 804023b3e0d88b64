package io.waybill.mail.relay;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server of {@code spring.mail.*}. */
final class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(QueuedMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MailTransport.fill(message, from, mail);
        sender.send(message);
    }
}
