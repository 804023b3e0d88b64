package io.waybill.mail.relay;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;

/** Delivers one message: over SMTP, or into a file when no mail server is configured. */
interface MailTransport {

    void send(QueuedMail mail) throws Exception;

    /**
     * Fills a MIME message the same way whichever transport carries it. It goes out from the tenant's
     * sender when the tenant has one: its address, with its name (or none); a name alone goes with the
     * deployment's address. Otherwise from the deployment's {@code from}.
     */
    static void fill(MimeMessage message, String from, QueuedMail mail) throws MessagingException {
        message.setFrom(sender(from, mail));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(Date.from(mail.createdAt()));
        // Lets a receiving system drop the duplicate if a retry follows a send whose answer was lost.
        message.setHeader("X-Waybill-Message-Id", mail.id().toString());
    }

    private static InternetAddress sender(String from, QueuedMail mail) throws MessagingException {
        InternetAddress deployment = new InternetAddress(from);
        if (mail.senderEmail() == null && mail.senderName() == null) {
            return deployment;
        }
        String address = mail.senderEmail() != null ? mail.senderEmail() : deployment.getAddress();
        String name = mail.senderName() != null ? mail.senderName()
                : mail.senderEmail() != null ? null : deployment.getPersonal();
        try {
            return new InternetAddress(address, name, "UTF-8");
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
