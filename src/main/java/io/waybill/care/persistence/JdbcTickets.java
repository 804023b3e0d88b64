package io.waybill.care.persistence;

import io.waybill.care.Ticket;
import io.waybill.care.TicketCategory;
import io.waybill.care.TicketMessage;
import io.waybill.care.TicketStatus;
import io.waybill.care.Tickets;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tickets and their threads in PostgreSQL, schema {@code care}. */
@Repository
class JdbcTickets implements Tickets {

    private static final String COLUMNS = "id, requester_id, shipment_id, category, status, opened_at, updated_at, "
            + "first_response_at, last_staff_id";

    private final JdbcClient jdbc;

    JdbcTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Ticket ticket) {
        jdbc.sql("insert into care.tickets (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ticket.id(), ticket.requesterId(), ticket.shipmentId(), ticket.category().wireName(),
                        ticket.status().wireName(), Timestamp.from(ticket.openedAt()),
                        Timestamp.from(ticket.updatedAt()), timestamp(ticket.firstResponseAt()), ticket.lastStaffId())
                .update();
        addMessages(ticket);
    }

    @Override
    public Optional<Ticket> find(UUID id) {
        return load(id, "");
    }

    @Override
    public Optional<Ticket> lock(UUID id) {
        return load(id, " for update");
    }

    private Optional<Ticket> load(UUID id, String lock) {
        List<TicketMessage> messages = jdbc.sql("""
                select number, author_id, side, body, sent_at from care.ticket_messages
                where ticket_id = ? order by number""")
                .param(id)
                .query((rs, n) -> new TicketMessage(rs.getInt("number"), rs.getObject("author_id", UUID.class),
                        TicketMessage.Side.valueOf(rs.getString("side").toUpperCase(Locale.ROOT)),
                        rs.getString("body"), rs.getTimestamp("sent_at").toInstant()))
                .list();
        return jdbc.sql("select " + COLUMNS + " from care.tickets where id = ?" + lock)
                .param(id)
                .query((rs, n) -> new Ticket(rs.getObject("id", UUID.class), rs.getObject("requester_id", UUID.class),
                        rs.getObject("shipment_id", UUID.class), category(rs), status(rs),
                        rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        instant(rs.getTimestamp("first_response_at")), rs.getObject("last_staff_id", UUID.class),
                        messages))
                .optional();
    }

    @Override
    public void save(Ticket ticket) {
        jdbc.sql("""
                update care.tickets set status = ?, updated_at = ?, first_response_at = ?, last_staff_id = ?
                where id = ?""")
                .params(ticket.status().wireName(), Timestamp.from(ticket.updatedAt()),
                        timestamp(ticket.firstResponseAt()), ticket.lastStaffId(), ticket.id())
                .update();
        addMessages(ticket);
    }

    private void addMessages(Ticket ticket) {
        for (TicketMessage message : ticket.messages()) {
            jdbc.sql("""
                    insert into care.ticket_messages (ticket_id, number, author_id, side, body, sent_at)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(ticket.id(), message.number(), message.authorId(), message.side().wireName(),
                            message.body(), Timestamp.from(message.sentAt()))
                    .update();
        }
    }

    @Override
    public Page<TicketSummary> list(TicketQuery query, PageQuery page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.viewer() != null) {
            where.append(" and (t.requester_id = ?");
            params.add(query.viewer());
            if (query.agent()) {
                where.append(" or t.shipment_id in (select shipment_id from care.shipments where agent_id = ?)");
                params.add(query.viewer());
            }
            where.append(")");
        }
        if (query.status() != null) {
            where.append(" and t.status = ?");
            params.add(query.status().wireName());
        }
        if (query.category() != null) {
            where.append(" and t.category = ?");
            params.add(query.category().wireName());
        }
        if (query.openedBefore() != null) {
            where.append(" and t.opened_at < ?");
            params.add(Timestamp.from(query.openedBefore()));
        }
        long total = jdbc.sql("select count(*) from care.tickets t" + where).params(params).query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<TicketSummary> items = jdbc.sql("select t.id, t.requester_id, t.shipment_id, t.category, t.status, "
                        + "t.opened_at, t.updated_at, t.first_response_at, (select count(*) from care.ticket_messages m "
                        + "where m.ticket_id = t.id) as messages from care.tickets t" + where
                        + " order by t.opened_at desc, t.id limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new TicketSummary(rs.getObject("id", UUID.class),
                        rs.getObject("requester_id", UUID.class), rs.getObject("shipment_id", UUID.class),
                        category(rs), status(rs), rs.getTimestamp("opened_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(), instant(rs.getTimestamp("first_response_at")),
                        rs.getInt("messages")))
                .list();
        return Page.of(items, page, total);
    }

    private static TicketCategory category(ResultSet rs) throws SQLException {
        return TicketCategory.valueOf(rs.getString("category").toUpperCase(Locale.ROOT));
    }

    private static TicketStatus status(ResultSet rs) throws SQLException {
        return TicketStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
    }

    static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
