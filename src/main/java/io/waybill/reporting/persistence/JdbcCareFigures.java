package io.waybill.reporting.persistence;

import io.waybill.reporting.CareFigures;
import io.waybill.reporting.DailyReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The support and feedback figures in PostgreSQL, schema {@code reporting}. */
@Repository
class JdbcCareFigures implements CareFigures {

    private final JdbcClient jdbc;

    JdbcCareFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ticketOpened(UUID ticketId, Instant openedAt) {
        jdbc.sql("insert into reporting.tickets (ticket_id, opened_at) values (?, ?) on conflict do nothing")
                .params(ticketId, Timestamp.from(openedAt)).update();
    }

    @Override
    public void firstResponse(UUID ticketId, Instant openedAt, Instant respondedAt) {
        jdbc.sql("""
                insert into reporting.tickets (ticket_id, opened_at, first_response_at) values (?, ?, ?)
                on conflict (ticket_id) do update set first_response_at = excluded.first_response_at
                where reporting.tickets.first_response_at is null""")
                .params(ticketId, Timestamp.from(openedAt), Timestamp.from(respondedAt)).update();
    }

    @Override
    public void rated(UUID shipmentId, UUID agentId, int rating, Instant ratedAt) {
        jdbc.sql("""
                insert into reporting.ratings (shipment_id, agent_id, rating, rated_at) values (?, ?, ?, ?)
                on conflict (shipment_id) do update
                set agent_id = excluded.agent_id, rating = excluded.rating, rated_at = excluded.rated_at
                where reporting.ratings.rated_at < excluded.rated_at""")
                .params(shipmentId, agentId, rating, Timestamp.from(ratedAt)).update();
    }

    @Override
    public Support support(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long opened = jdbc.sql("select count(*) from reporting.tickets where opened_at >= ? and opened_at < ?")
                .params(from, to).query(Long.class).single();
        List<Double> hours = jdbc.sql("""
                select extract(epoch from first_response_at - opened_at) / 3600.0 from reporting.tickets
                where first_response_at >= ? and first_response_at < ? order by 1""")
                .params(from, to).query(Double.class).list();
        return new Support(opened, hours);
    }

    @Override
    public List<DailyReport.AgentRating> agentRatings() {
        return jdbc.sql("""
                select agent_id, round(avg(rating), 2) as average, count(*) as ratings from reporting.ratings
                where agent_id is not null group by agent_id order by average desc, agent_id""")
                .query((rs, n) -> new DailyReport.AgentRating(rs.getObject("agent_id", UUID.class),
                        rs.getDouble("average"), rs.getLong("ratings")))
                .list();
    }
}
