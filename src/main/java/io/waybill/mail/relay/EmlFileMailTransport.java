package io.waybill.mail.relay;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * With no mail server configured, each message is written as an {@code .eml} file that any mail
 * program opens, so that a newcomer can follow a verification or reset flow on their own machine.
 */
final class EmlFileMailTransport implements MailTransport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    // Made once: each Session.getInstance looks up providers through service loaders and jar URLs,
    // which cost more CPU than writing the message.
    private final Session session = Session.getInstance(new Properties());

    EmlFileMailTransport(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void send(QueuedMail mail) throws Exception {
        MimeMessage message = new MimeMessage(session);
        MailTransport.fill(message, from, mail);
        message.saveChanges();
        Files.createDirectories(folder);
        Path file = folder.resolve(STAMP.format(mail.createdAt()) + "-" + mail.id() + ".eml");
        Path partial = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        // Whoever watches the folder never sees half a message.
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    Path folder() {
        return folder;
    }
}
