package io.waybill.mail.relay;

import io.waybill.kernel.persistence.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mail goes to the SMTP server of {@code spring.mail.host} when one is set; otherwise into
 * {@code <data-dir>/mail/} as {@code .eml} files.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    // spring.mail.host is Spring's own setting, read as it is: Waybill only decides whether SMTP is used.
    MailTransport mailTransport(@Value("${spring.mail.host:}") String host, ObjectProvider<JavaMailSender> sender,
            DataDirectory dataDirectory, OutgoingMailProperties properties) {
        String from = properties.from();
        JavaMailSender smtp = sender.getIfAvailable();
        if (!host.isBlank() && smtp != null) {
            log.info("Mail is sent through the SMTP server at {}", host);
            return new SmtpMailTransport(smtp, from);
        }
        EmlFileMailTransport files = new EmlFileMailTransport(dataDirectory.resolve("mail"), from);
        log.info("No SPRING_MAIL_HOST set: mail is written as .eml files to {}", files.folder());
        return files;
    }
}
