package io.waybill.mail.relay;

import io.waybill.eventing.EventHandler;
import io.waybill.eventing.ReceivedEvent;
import io.waybill.kernel.Services;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the mail module's copy of each tenant's sender ({@code mail.senders}) from identity's
 * {@code tenant.settings_changed} events, handled as the event's tenant and read by their published
 * contract (topic and snake_case fields), not identity's classes. Every process sends mail, so
 * every service keeps a copy of its own in a group of its own ({@code mail-senders-shipments}, ...;
 * {@code mail-senders} when one process runs them all), as the security module's account copy does.
 */
@Component
class MailSenders implements EventHandler {

    static final String TENANT_SETTINGS_CHANGED = "tenant.settings_changed";

    private final JdbcClient jdbc;
    private final String group;

    MailSenders(JdbcClient jdbc, Services services) {
        this.jdbc = jdbc;
        this.group = services.perProcess("mail-senders");
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TENANT_SETTINGS_CHANGED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode payload = event.payload();
        // tenant_id takes the connection's tenant (the event's); a late or replayed event never
        // overwrites a newer sender.
        jdbc.sql("""
                insert into mail.senders (sender_email, sender_name, changed_at) values (?, ?, ?)
                on conflict (tenant_id) do update set sender_email = excluded.sender_email,
                    sender_name = excluded.sender_name, changed_at = excluded.changed_at
                where senders.changed_at <= excluded.changed_at""")
                .params(text(payload, "sender_email"), text(payload, "sender_name"),
                        Timestamp.from(Instant.parse(payload.get("occurred_at").asString())))
                .update();
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
