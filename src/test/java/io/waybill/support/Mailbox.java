package io.waybill.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail), shared by every test of the one Spring context:
 * the server under test sends to it, and tests read what arrived for their own unique addresses.
 */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token: (\\S+)");
    private static GreenMail server;

    private Mailbox() {
    }

    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** The SMTP port servers under test send to. */
    public static int port() {
        return server().getSmtp().getPort();
    }

    /** The messages sent to this address so far, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** Waits until at least {@code count} messages reached this address, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<MimeMessage> messages = to(address);
        while (messages.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            messages = to(address);
        }
        if (messages.size() < count) {
            throw new AssertionError("Expected " + count + " message(s) to " + address + ", got " + messages.size());
        }
        return messages;
    }

    /** The token in the newest of the first {@code count} messages to this address. */
    public static String tokenIn(String address, int count) {
        List<MimeMessage> messages = await(address, count);
        return token(messages.get(count - 1));
    }

    public static String token(MimeMessage message) {
        String body = body(message);
        Matcher matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No token in: " + body);
        }
        return matcher.group(1);
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
