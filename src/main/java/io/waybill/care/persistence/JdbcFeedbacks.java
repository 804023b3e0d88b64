package io.waybill.care.persistence;

import io.waybill.care.Feedback;
import io.waybill.care.Feedbacks;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery ratings in PostgreSQL, schema {@code care}. */
@Repository
class JdbcFeedbacks implements Feedbacks {

    private static final String COLUMNS = "shipment_id, customer_id, agent_id, rating, comment, given_at, changed_at";

    private final JdbcClient jdbc;

    JdbcFeedbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Feedback> find(UUID shipmentId) {
        return jdbc.sql("select " + COLUMNS + " from care.feedback where shipment_id = ?")
                .param(shipmentId).query(JdbcFeedbacks::feedback).optional();
    }

    @Override
    public Optional<Feedback> lock(UUID shipmentId) {
        return jdbc.sql("select " + COLUMNS + " from care.feedback where shipment_id = ? for update")
                .param(shipmentId).query(JdbcFeedbacks::feedback).optional();
    }

    @Override
    public boolean add(Feedback feedback) {
        return jdbc.sql("insert into care.feedback (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(feedback.shipmentId(), feedback.customerId(), feedback.agentId(), feedback.rating(),
                        feedback.comment(), Timestamp.from(feedback.givenAt()), Timestamp.from(feedback.changedAt()))
                .update() == 1;
    }

    @Override
    public void save(Feedback feedback) {
        jdbc.sql("update care.feedback set rating = ?, comment = ?, changed_at = ? where shipment_id = ?")
                .params(feedback.rating(), feedback.comment(), Timestamp.from(feedback.changedAt()),
                        feedback.shipmentId())
                .update();
    }

    @Override
    public Page<Feedback> rated(int maxRating, PageQuery page) {
        long total = jdbc.sql("select count(*) from care.feedback where rating <= ?").param(maxRating)
                .query(Long.class).single();
        List<Feedback> items = jdbc.sql("select " + COLUMNS + " from care.feedback where rating <= ? "
                        + "order by changed_at desc, shipment_id limit ? offset ?")
                .params(maxRating, page.size(), page.offset())
                .query(JdbcFeedbacks::feedback).list();
        return Page.of(items, page, total);
    }

    private static Feedback feedback(ResultSet rs, int row) throws SQLException {
        return new Feedback(rs.getObject("shipment_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("agent_id", UUID.class), rs.getInt("rating"), rs.getString("comment"),
                rs.getTimestamp("given_at").toInstant(), rs.getTimestamp("changed_at").toInstant());
    }
}
