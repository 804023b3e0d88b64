package io.waybill.network.persistence;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.network.Lane;
import io.waybill.network.LaneRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLaneRepository implements LaneRepository {

    private static final String COLUMNS =
            "id, origin_city, destination_city, standard_transit_days, express_transit_days, created_at, updated_at";
    private static final String DUPLICATE = "A lane between these cities already exists.";

    private final JdbcClient jdbc;

    JdbcLaneRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Lane lane) {
        try {
            jdbc.sql("insert into network.lanes (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                    .params(lane.id(), lane.originCity(), lane.destinationCity(), lane.standardTransitDays(),
                            lane.expressTransitDays(), Timestamp.from(lane.createdAt()),
                            Timestamp.from(lane.updatedAt()))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException(DUPLICATE);
        }
    }

    @Override
    public void save(Lane lane) {
        try {
            jdbc.sql("""
                    update network.lanes set origin_city = ?, destination_city = ?, standard_transit_days = ?,
                        express_transit_days = ?, updated_at = ?
                    where id = ?""")
                    .params(lane.originCity(), lane.destinationCity(), lane.standardTransitDays(),
                            lane.expressTransitDays(), Timestamp.from(lane.updatedAt()), lane.id())
                    .update();
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException(DUPLICATE);
        }
    }

    @Override
    public Optional<Lane> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from network.lanes where id = ?").param(id)
                .query(JdbcLaneRepository::lane).optional();
    }

    @Override
    public Page<Lane> lanes(PageQuery page) {
        long total = jdbc.sql("select count(*) from network.lanes").query(Long.class).single();
        return Page.of(jdbc.sql("select " + COLUMNS + " from network.lanes "
                        + "order by lower(origin_city), lower(destination_city), id limit ? offset ?")
                .params(page.size(), page.offset()).query(JdbcLaneRepository::lane).list(), page, total);
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.sql("delete from network.lanes where id = ?").param(id).update() > 0;
    }

    private static Lane lane(ResultSet rs, int row) throws SQLException {
        return new Lane(rs.getObject("id", UUID.class), rs.getString("origin_city"), rs.getString("destination_city"),
                rs.getInt("standard_transit_days"), rs.getInt("express_transit_days"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
