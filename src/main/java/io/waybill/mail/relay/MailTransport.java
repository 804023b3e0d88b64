package io.waybill.mail.relay;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;

/** Delivers one message: over SMTP, or into a file when no mail server is configured. */
interface MailTransport {

    void send(QueuedMail mail) throws Exception;

    /** Fills a MIME message the same way whichever transport carries it. */
    static void fill(MimeMessage message, String from, QueuedMail mail) throws MessagingException {
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(Date.from(mail.createdAt()));
        // Lets a receiving system drop the duplicate if a retry follows a send whose answer was lost.
        message.setHeader("X-Waybill-Message-Id", mail.id().toString());
    }
}
