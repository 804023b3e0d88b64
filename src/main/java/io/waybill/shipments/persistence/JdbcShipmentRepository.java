package io.waybill.shipments.persistence;

import io.waybill.kernel.Money;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import io.waybill.shipments.CashCollection;
import io.waybill.shipments.CollectionMethod;
import io.waybill.shipments.EstimateRevision;
import io.waybill.shipments.Payment;
import io.waybill.shipments.PaymentMethod;
import io.waybill.shipments.PaymentStatus;
import io.waybill.shipments.GeoPoint;
import io.waybill.shipments.ParcelAtHub;
import io.waybill.shipments.ServiceLevel;
import io.waybill.shipments.DeliveryCode;
import io.waybill.shipments.DeliveryFailure;
import io.waybill.shipments.DeliveryInstruction;
import io.waybill.shipments.DeliveryState;
import io.waybill.shipments.FailureReason;
import io.waybill.shipments.ProofKind;
import io.waybill.shipments.ProofOfDelivery;
import io.waybill.shipments.Shipment;
import io.waybill.shipments.ShipmentCursor;
import io.waybill.shipments.ShipmentDetails;
import io.waybill.shipments.ShipmentRepository;
import io.waybill.shipments.ShipmentStatus;
import io.waybill.shipments.ShipmentView;
import io.waybill.shipments.TrackingNumber;
import io.waybill.shipments.TrackingUpdate;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcShipmentRepository implements ShipmentRepository {

    private static final String COLUMNS = """
            s.id, s.tracking_number, s.customer_id, s.agent_id, s.hub_id, s.status, s.source_address,
            s.destination_address, s.recipient_name, s.recipient_phone, s.weight_kg, s.description, s.created_at,
            s.updated_at, s.service_level, s.promised_delivery_date, s.estimated_delivery""";
    private static final String CURRENT_LOCATION = """
            (select t.location from shipments.tracking_updates t
             where t.shipment_id = s.id and t.location is not null order by t.seq desc limit 1) as current_location""";

    /** The customer's instruction for the latest failed attempt, if any. */
    private static final String INSTRUCTION = "di.action, di.reattempt_on, di.after_attempt, di.given_by, di.given_at";
    private static final String INSTRUCTION_JOIN = " left join shipments.delivery_instructions di"
            + " on di.shipment_id = s.id and s.status not in ('out_for_delivery', 'delivered') and di.after_attempt ="
            + " (select coalesce(max(f.attempt), 0) from shipments.delivery_failures f where f.shipment_id = s.id)";

    /** The payment of a cash-on-delivery shipment; a shipment without a row is prepaid. */
    private static final String PAYMENT = """
            p.method as payment_method, p.amount_minor, p.currency, p.status as payment_status,
            p.mismatch_allowed, p.collected_minor, p.collection_method, p.collected_by, p.collected_at, p.remittance_id""";
    private static final String PAYMENT_JOIN = " left join shipments.payments p on p.shipment_id = s.id";

    private final JdbcClient jdbc;

    JdbcShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Shipment> find(UUID id) {
        return load("s.id = ?", id, "");
    }

    @Override
    public Optional<Shipment> find(TrackingNumber trackingNumber) {
        return load("s.tracking_number = ?", trackingNumber.value(), "");
    }

    @Override
    public Optional<Shipment.Parties> parties(UUID id) {
        return parties("id = ?", id);
    }

    @Override
    public Optional<Shipment.Parties> parties(TrackingNumber trackingNumber) {
        return parties("tracking_number = ?", trackingNumber.value());
    }

    private Optional<Shipment.Parties> parties(String condition, Object key) {
        return jdbc.sql("select customer_id, agent_id from shipments.shipments where " + condition).param(key)
                .query((rs, n) -> new Shipment.Parties(rs.getObject("customer_id", UUID.class),
                        rs.getObject("agent_id", UUID.class)))
                .optional();
    }

    @Override
    public Optional<Shipment> lock(UUID id) {
        return load("s.id = ?", id, " for update");
    }

    @Override
    public Optional<Shipment> lock(TrackingNumber trackingNumber) {
        return load("s.tracking_number = ?", trackingNumber.value(), " for update");
    }

    @Override
    public boolean add(Shipment shipment) {
        ShipmentDetails d = shipment.details();
        // The unique tracking number decides, not a look beforehand: a look sees only this tenant's rows
        // (row-level security) and costs a round trip on every booking for a clash that almost never is.
        int inserted = jdbc.sql("""
                insert into shipments.shipments (id, tracking_number, customer_id, agent_id, hub_id, status,
                    source_address, destination_address, recipient_name, recipient_phone, weight_kg, description,
                    created_at, updated_at, service_level, promised_delivery_date, estimated_delivery)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tracking_number) do nothing""")
                .params(shipment.id(), shipment.trackingNumber().value(), shipment.customerId(), shipment.agentId(),
                        shipment.hubId(), shipment.status().wireName(), d.sourceAddress(), d.destinationAddress(),
                        d.recipientName(), d.recipientPhone(), d.weightKg(), d.description(),
                        Timestamp.from(shipment.createdAt()), Timestamp.from(shipment.updatedAt()),
                        shipment.serviceLevel().wireName(), date(shipment.promisedDeliveryDate()),
                        date(shipment.estimatedDelivery()))
                .update();
        if (inserted == 0) {
            return false;
        }
        appendHistory(shipment);
        appendRevisions(shipment);
        if (shipment.payment().isCashOnDelivery()) {
            // A new shipment has no payment row to remove.
            storePayment(shipment);
        }
        return true;
    }

    @Override
    public boolean route(UUID shipmentId, UUID hubId, Instant at) {
        return jdbc.sql("update shipments.shipments set hub_id = ?, updated_at = ? where id = ?")
                .params(hubId, Timestamp.from(at), shipmentId).update() == 1;
    }

    @Override
    public void update(Shipment shipment) {
        ShipmentDetails d = shipment.details();
        jdbc.sql("""
                update shipments.shipments set agent_id = ?, hub_id = ?, status = ?, source_address = ?,
                    destination_address = ?, recipient_name = ?, recipient_phone = ?, weight_kg = ?,
                    description = ?, updated_at = ?, estimated_delivery = ?
                where id = ?""")
                .params(shipment.agentId(), shipment.hubId(), shipment.status().wireName(), d.sourceAddress(),
                        d.destinationAddress(), d.recipientName(), d.recipientPhone(), d.weightKg(),
                        d.description(), Timestamp.from(shipment.updatedAt()), date(shipment.estimatedDelivery()),
                        shipment.id())
                .update();
        appendHistory(shipment);
        appendRevisions(shipment);
        storeDelivery(shipment);
        storePayment(shipment);
    }

    @Override
    public Page<ShipmentView> list(ShipmentFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.customerId() != null) {
            where.append(" and s.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.agentId() != null) {
            where.append(" and s.agent_id = :agent");
            params.put("agent", filter.agentId());
        }
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", filter.status().wireName());
        }
        long total = jdbc.sql("select count(*) from shipments.shipments s" + where).params(params)
                .query(Long.class).single();
        List<ShipmentView> items = jdbc.sql("select " + COLUMNS + ", " + CURRENT_LOCATION + ", " + INSTRUCTION + ", " + PAYMENT
                        + " from shipments.shipments s" + INSTRUCTION_JOIN + PAYMENT_JOIN + where
                        + " order by s.created_at desc, s.id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcShipmentRepository::view).list();
        return Page.of(items, page, total);
    }

    @Override
    public Page<ShipmentView> search(ShipmentFilter filter, String text, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(filter, null, params);
        // A LIKE pattern of the text taken literally: its own % and _ match only themselves.
        String literal = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        where.append(" and (lower(s.tracking_number) like :text escape '\\'"
                + " or lower(s.recipient_name) like :text escape '\\')");
        params.put("text", "%" + literal + "%");
        long total = jdbc.sql("select count(*) from shipments.shipments s" + where).params(params)
                .query(Long.class).single();
        List<ShipmentView> items = jdbc.sql("select " + COLUMNS + ", " + CURRENT_LOCATION + ", " + INSTRUCTION + ", " + PAYMENT
                        + " from shipments.shipments s" + INSTRUCTION_JOIN + PAYMENT_JOIN + where
                        + " order by s.created_at desc, s.id desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcShipmentRepository::view).list();
        return Page.of(items, page, total);
    }

    @Override
    public Optional<ShipmentView> view(UUID id) {
        return view("s.id = :key", id);
    }

    @Override
    public Optional<ShipmentView> view(TrackingNumber trackingNumber) {
        return view("s.tracking_number = :key", trackingNumber.value());
    }

    /** The row as lists read it, then its estimate's revisions: two queries, not the aggregate's seven. */
    private Optional<ShipmentView> view(String condition, Object key) {
        return jdbc.sql("select " + COLUMNS + ", " + CURRENT_LOCATION + ", " + INSTRUCTION + ", " + PAYMENT
                        + " from shipments.shipments s" + INSTRUCTION_JOIN + PAYMENT_JOIN + " where " + condition)
                .param("key", key).query(JdbcShipmentRepository::view).optional()
                .map(found -> found.withEstimateRevisions(revisions(found.id())));
    }

    @Override
    public List<ShipmentView> list(ShipmentFilter filter, Range range) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(filter, range.updatedSince(), params);
        boolean newestFirst = range.order() == ShipmentCursor.Order.NEWEST_FIRST;
        if (range.after() != null) {
            // A row comparison, which PostgreSQL reads from the (…, created_at | updated_at, id) indexes.
            where.append(newestFirst ? " and (s.created_at, s.id) < (:at, :id)" : " and (s.updated_at, s.id) > (:at, :id)");
            params.put("at", Timestamp.from(range.after().at()));
            params.put("id", range.after().id());
        }
        return jdbc.sql("select " + COLUMNS + ", " + CURRENT_LOCATION + ", " + INSTRUCTION + ", " + PAYMENT
                        + " from shipments.shipments s" + INSTRUCTION_JOIN + PAYMENT_JOIN + where
                        + (newestFirst ? " order by s.created_at desc, s.id desc" : " order by s.updated_at, s.id")
                        + " limit :limit offset :offset")
                .params(params).param("limit", range.limit()).param("offset", range.offset())
                .query(JdbcShipmentRepository::view).list();
    }

    @Override
    public long count(ShipmentFilter filter, Instant updatedSince) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from shipments.shipments s" + where(filter, updatedSince, params))
                .params(params).query(Long.class).single();
    }

    private static StringBuilder where(ShipmentFilter filter, Instant updatedSince, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.customerId() != null) {
            where.append(" and s.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.agentId() != null) {
            where.append(" and s.agent_id = :agent");
            params.put("agent", filter.agentId());
        }
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", filter.status().wireName());
        }
        if (updatedSince != null) {
            where.append(" and s.updated_at >= :since");
            params.put("since", Timestamp.from(updatedSince));
        }
        return where;
    }

    @Override
    public List<TrackingUpdate> history(UUID shipmentId) {
        return jdbc.sql("""
                select id, status, location, note, recorded_by, recorded_at, lat, lon, time_zone
                from shipments.tracking_updates
                where shipment_id = ? order by seq""")
                .param(shipmentId)
                .query((rs, n) -> trackingUpdate(rs))
                .list();
    }

    private static TrackingUpdate trackingUpdate(ResultSet rs) throws SQLException {
        return new TrackingUpdate(rs.getObject("id", UUID.class), status(rs.getString("status")),
                rs.getString("location"), rs.getString("note"), rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(), point(rs), rs.getString("time_zone"));
    }

    private List<EstimateRevision> revisions(UUID shipmentId) {
        return jdbc.sql("""
                select history_seq, reason, estimated_delivery, previous_estimate, revised_at
                from shipments.delivery_estimates where shipment_id = ? order by revision""")
                .param(shipmentId)
                .query((rs, n) -> revision(rs))
                .list();
    }

    private static EstimateRevision revision(ResultSet rs) throws SQLException {
        return new EstimateRevision(rs.getInt("history_seq"), rs.getString("reason"),
                localDate(rs.getDate("estimated_delivery")), localDate(rs.getDate("previous_estimate")),
                rs.getTimestamp("revised_at").toInstant());
    }

    private Optional<Shipment> load(String condition, Object key, String lock) {
        Optional<Shipment> shipment = jdbc.sql("select " + COLUMNS + " from shipments.shipments s where "
                        + condition + lock)
                .param(key)
                .query((rs, n) -> restore(rs))
                .optional();
        return shipment.map(found -> Shipment.restore(found.id(), found.trackingNumber(), found.customerId(),
                found.details(), found.status(), found.agentId(), found.hubId(), found.createdAt(),
                found.updatedAt(), history(found.id()), found.serviceLevel(), found.promisedDeliveryDate(),
                found.estimatedDelivery(), revisions(found.id()), delivery(found.id()), payment(found.id())));
    }

    private Payment payment(UUID shipmentId) {
        return jdbc.sql("select " + PAYMENT + " from shipments.payments p where p.shipment_id = ?").param(shipmentId)
                .query((rs, n) -> payment(rs)).optional().orElse(Payment.prepaid());
    }

    /** The payment columns of a row; prepaid when the shipment has no payment row. */
    private static Payment payment(ResultSet rs) throws SQLException {
        String method = rs.getString("payment_method");
        if (method == null) {
            return Payment.prepaid();
        }
        Currency currency = Currency.getInstance(rs.getString("currency"));
        String collectionMethod = rs.getString("collection_method");
        CashCollection collection = collectionMethod == null ? null : new CashCollection(
                new Money(rs.getLong("collected_minor"), currency),
                CollectionMethod.fromWire(collectionMethod).orElseThrow(), rs.getObject("collected_by", UUID.class),
                rs.getTimestamp("collected_at").toInstant());
        return new Payment(PaymentMethod.fromWire(method).orElseThrow(), new Money(rs.getLong("amount_minor"), currency),
                PaymentStatus.fromWire(rs.getString("payment_status")).orElseThrow(), rs.getBoolean("mismatch_allowed"),
                collection, rs.getObject("remittance_id", UUID.class));
    }

    /**
     * Writes the payment as it is now: a row for cash on delivery, none for prepaid. A remittance may
     * have settled the row since the shipment was loaded; the ledger alone sets that, so it is kept.
     */
    private void storePayment(Shipment shipment) {
        Payment payment = shipment.payment();
        if (!payment.isCashOnDelivery()) {
            jdbc.sql("delete from shipments.payments where shipment_id = ?").param(shipment.id()).update();
            return;
        }
        CashCollection collection = payment.collection();
        jdbc.sql("""
                insert into shipments.payments (shipment_id, method, amount_minor, currency, status, mismatch_allowed,
                    collected_minor, collection_method, collected_by, collected_at, remittance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (shipment_id) do update set method = excluded.method, amount_minor = excluded.amount_minor,
                    currency = excluded.currency, status = excluded.status, mismatch_allowed = excluded.mismatch_allowed,
                    collected_minor = excluded.collected_minor, collection_method = excluded.collection_method,
                    collected_by = excluded.collected_by, collected_at = excluded.collected_at,
                    remittance_id = excluded.remittance_id""")
                .params(shipment.id(), payment.method().wireName(), payment.amount().amountMinor(),
                        payment.amount().currencyCode(), payment.status().wireName(), payment.mismatchAllowed(),
                        collection == null ? null : collection.amount().amountMinor(),
                        collection == null ? null : collection.method().wireName(),
                        collection == null ? null : collection.collectedBy(),
                        collection == null ? null : Timestamp.from(collection.collectedAt()), payment.remittanceId())
                .update();
    }

    private DeliveryState delivery(UUID shipmentId) {
        DeliveryCode code = jdbc.sql("select salt, code_hash, wrong_tries from shipments.delivery_codes "
                        + "where shipment_id = ?")
                .param(shipmentId)
                .query((rs, n) -> DeliveryCode.restore(rs.getBytes("salt"), rs.getBytes("code_hash"),
                        rs.getInt("wrong_tries")))
                .optional().orElse(null);
        List<DeliveryFailure> failures = jdbc.sql("select attempt, reason, failed_at from shipments.delivery_failures "
                        + "where shipment_id = ? order by attempt")
                .param(shipmentId)
                .query((rs, n) -> new DeliveryFailure(rs.getInt("attempt"),
                        FailureReason.fromWire(rs.getString("reason")).orElseThrow(),
                        rs.getTimestamp("failed_at").toInstant()))
                .list();
        DeliveryInstruction instruction = jdbc.sql("""
                        select action, reattempt_on, after_attempt, given_by, given_at
                        from shipments.delivery_instructions where shipment_id = ?""")
                .param(shipmentId)
                .query((rs, n) -> new DeliveryInstruction(
                        DeliveryInstruction.Action.fromWire(rs.getString("action")).orElseThrow(),
                        rs.getObject("reattempt_on", LocalDate.class), rs.getInt("after_attempt"),
                        rs.getObject("given_by", UUID.class), rs.getTimestamp("given_at").toInstant()))
                .optional().orElse(null);
        ProofOfDelivery proof = jdbc.sql("""
                        select kind, received_by, latitude, longitude, location, image_refs, recorded_by, delivered_at
                        from shipments.proofs_of_delivery where shipment_id = ?""")
                .param(shipmentId)
                .query((rs, n) -> new ProofOfDelivery(ProofKind.fromWire(rs.getString("kind")).orElseThrow(),
                        rs.getString("received_by"), rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class), rs.getString("location"),
                        strings(rs.getArray("image_refs")), rs.getObject("recorded_by", UUID.class),
                        rs.getTimestamp("delivered_at").toInstant()))
                .optional().orElse(null);
        return new DeliveryState(code, failures, instruction, proof);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Writes the delivery side as it is now: facts once (failures, proof), the code and instruction as they stand. */
    private void storeDelivery(Shipment shipment) {
        DeliveryState delivery = shipment.delivery();
        UUID id = shipment.id();
        DeliveryCode code = delivery.code();
        if (code == null) {
            jdbc.sql("delete from shipments.delivery_codes where shipment_id = ?").param(id).update();
        } else {
            jdbc.sql("""
                    insert into shipments.delivery_codes (shipment_id, salt, code_hash, wrong_tries) values (?, ?, ?, ?)
                    on conflict (shipment_id) do update
                    set salt = excluded.salt, code_hash = excluded.code_hash, wrong_tries = excluded.wrong_tries""")
                    .params(id, code.salt(), code.hash(), code.wrongTries())
                    .update();
        }
        for (DeliveryFailure failure : delivery.failures()) {
            jdbc.sql("""
                    insert into shipments.delivery_failures (shipment_id, attempt, reason, failed_at) values (?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(id, failure.attempt(), failure.reason().wireName(), Timestamp.from(failure.failedAt()))
                    .update();
        }
        DeliveryInstruction instruction = delivery.instruction();
        if (instruction != null) {
            jdbc.sql("""
                    insert into shipments.delivery_instructions
                        (shipment_id, action, reattempt_on, after_attempt, given_by, given_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (shipment_id) do update set action = excluded.action,
                        reattempt_on = excluded.reattempt_on, after_attempt = excluded.after_attempt,
                        given_by = excluded.given_by, given_at = excluded.given_at""")
                    .params(id, instruction.action().wireName(), instruction.reattemptOn(), instruction.afterAttempt(),
                            instruction.givenBy(), Timestamp.from(instruction.givenAt()))
                    .update();
        }
        ProofOfDelivery proof = delivery.proof();
        if (proof != null) {
            jdbc.sql("""
                    insert into shipments.proofs_of_delivery (shipment_id, kind, received_by, latitude, longitude,
                        location, image_refs, recorded_by, delivered_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(id, proof.kind().wireName(), proof.receivedBy(), proof.latitude(), proof.longitude(),
                            proof.location(), proof.imageReferences().toArray(String[]::new), proof.recordedBy(),
                            Timestamp.from(proof.deliveredAt()))
                    .update();
        }
    }

    private void appendHistory(Shipment shipment) {
        int seq = shipment.firstUnsavedSequence();
        for (TrackingUpdate update : shipment.unsavedHistory()) {
            jdbc.sql("""
                    insert into shipments.tracking_updates
                        (id, shipment_id, seq, status, location, note, recorded_by, recorded_at, lat, lon,
                         time_zone)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(update.id(), shipment.id(), seq++, update.status().wireName(), update.location(),
                            update.note(), update.recordedBy(), Timestamp.from(update.recordedAt()),
                            update.point() == null ? null : update.point().lat(),
                            update.point() == null ? null : update.point().lon(), update.timeZone())
                    .update();
        }
    }

    private void appendRevisions(Shipment shipment) {
        int revision = shipment.firstUnsavedRevision();
        for (EstimateRevision change : shipment.unsavedEstimateRevisions()) {
            jdbc.sql("""
                    insert into shipments.delivery_estimates (shipment_id, revision, history_seq, reason,
                        estimated_delivery, previous_estimate, revised_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(shipment.id(), revision++, change.historySequence(), change.reason(),
                            date(change.estimatedDelivery()), date(change.previousEstimate()),
                            Timestamp.from(change.revisedAt()))
                    .update();
        }
    }

    @Override
    public List<ParcelAtHub> parcels(Collection<UUID> ids) {
        return jdbc.sql("select id, tracking_number, status, hub_id from shipments.shipments where id = any(?::uuid[])")
                .param(texts(ids.stream()))
                .query((rs, n) -> new ParcelAtHub(rs.getObject("id", UUID.class),
                        new TrackingNumber(rs.getString("tracking_number")), status(rs.getString("status")),
                        rs.getObject("hub_id", UUID.class)))
                .list();
    }

    /**
     * Four queries for the whole batch: the rows (locked, in id order), the histories, the revisions
     * and the payments, so that the entries' events carry each shipment's payment status.
     */
    @Override
    public List<Shipment> lockBetweenHubs(Collection<UUID> ids) {
        String[] keys = texts(ids.stream().distinct());
        List<Shipment> rows = jdbc.sql("select " + COLUMNS + " from shipments.shipments s where s.id = any(?::uuid[]) "
                        + "order by s.id for update")
                .param(keys).query((rs, n) -> restore(rs)).list();
        Map<UUID, List<TrackingUpdate>> histories = new HashMap<>();
        jdbc.sql("""
                select shipment_id, id, status, location, note, recorded_by, recorded_at, lat, lon, time_zone
                from shipments.tracking_updates where shipment_id = any(?::uuid[]) order by shipment_id, seq""")
                .param(keys)
                .query((RowCallbackHandler) rs -> histories.computeIfAbsent(rs.getObject("shipment_id", UUID.class),
                        id -> new ArrayList<>()).add(trackingUpdate(rs)));
        Map<UUID, List<EstimateRevision>> revisions = new HashMap<>();
        jdbc.sql("""
                select shipment_id, history_seq, reason, estimated_delivery, previous_estimate, revised_at
                from shipments.delivery_estimates where shipment_id = any(?::uuid[]) order by shipment_id, revision""")
                .param(keys)
                .query((RowCallbackHandler) rs -> revisions.computeIfAbsent(rs.getObject("shipment_id", UUID.class),
                        id -> new ArrayList<>()).add(revision(rs)));
        Map<UUID, Payment> payments = new HashMap<>();
        jdbc.sql("select p.shipment_id, " + PAYMENT + " from shipments.payments p where p.shipment_id = any(?::uuid[])")
                .param(keys)
                .query((RowCallbackHandler) rs -> payments.put(rs.getObject("shipment_id", UUID.class), payment(rs)));
        return rows.stream().map(found -> Shipment.restore(found.id(), found.trackingNumber(), found.customerId(),
                found.details(), found.status(), found.agentId(), found.hubId(), found.createdAt(),
                found.updatedAt(), histories.getOrDefault(found.id(), List.of()), found.serviceLevel(),
                found.promisedDeliveryDate(), found.estimatedDelivery(),
                revisions.getOrDefault(found.id(), List.of()), new DeliveryState(null, List.of(), null, null),
                payments.getOrDefault(found.id(), Payment.prepaid()))).toList();
    }

    /**
     * Three statements for the whole batch, the rows, the new entries and the new revisions, each
     * travelling as text arrays unnested side by side and cast back to their columns' types.
     */
    @Override
    public void updateBetweenHubs(List<Shipment> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update shipments.shipments s set status = v.status, updated_at = v.updated_at::timestamptz,
                    estimated_delivery = v.estimated_delivery::date
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as v(id, status, updated_at, estimated_delivery)
                where s.id = v.id::uuid""")
                .params(texts(changed.stream().map(Shipment::id)),
                        texts(changed.stream().map(shipment -> shipment.status().wireName())),
                        texts(changed.stream().map(Shipment::updatedAt)),
                        texts(changed.stream().map(Shipment::estimatedDelivery)))
                .update();
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> estimates = new ArrayList<>();
        for (Shipment shipment : changed) {
            int seq = shipment.firstUnsavedSequence();
            for (TrackingUpdate update : shipment.unsavedHistory()) {
                entries.add(new Object[] {update.id(), shipment.id(), seq++, update.status().wireName(),
                        update.location(), update.note(), update.recordedBy(), update.recordedAt(),
                        update.point() == null ? null : update.point().lat(),
                        update.point() == null ? null : update.point().lon(), update.timeZone()});
            }
            int number = shipment.firstUnsavedRevision();
            for (EstimateRevision revision : shipment.unsavedEstimateRevisions()) {
                estimates.add(new Object[] {shipment.id(), number++, revision.historySequence(), revision.reason(),
                        revision.estimatedDelivery(), revision.previousEstimate(), revision.revisedAt()});
            }
        }
        if (!entries.isEmpty()) {
            jdbc.sql("""
                    insert into shipments.tracking_updates
                        (id, shipment_id, seq, status, location, note, recorded_by, recorded_at, lat, lon, time_zone)
                    select id::uuid, shipment_id::uuid, seq::int, status, location, note, recorded_by::uuid,
                        recorded_at::timestamptz, lat::float8, lon::float8, time_zone
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                        as v(id, shipment_id, seq, status, location, note, recorded_by, recorded_at, lat, lon, time_zone)""")
                    .params(columns(entries))
                    .update();
        }
        if (!estimates.isEmpty()) {
            jdbc.sql("""
                    insert into shipments.delivery_estimates (shipment_id, revision, history_seq, reason,
                        estimated_delivery, previous_estimate, revised_at)
                    select shipment_id::uuid, revision::int, history_seq::int, reason, estimated_delivery::date,
                        previous_estimate::date, revised_at::timestamptz
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        as v(shipment_id, revision, history_seq, reason, estimated_delivery, previous_estimate,
                        revised_at)""")
                    .params(columns(estimates))
                    .update();
        }
    }

    /** Rows turned into one text array per column, for {@code unnest}; the statement casts them back. */
    private static Object[] columns(List<Object[]> rows) {
        int width = rows.get(0).length;
        Object[] columns = new Object[width];
        for (int c = 0; c < width; c++) {
            int column = c;
            columns[c] = texts(rows.stream().map(row -> row[column]));
        }
        return columns;
    }

    /** Values as PostgreSQL reads them back from text (an Instant's ISO form is a timestamptz); null stays null. */
    private static String[] texts(java.util.stream.Stream<?> values) {
        return values.map(value -> value == null ? null : value.toString()).toArray(String[]::new);
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }

    private static LocalDate localDate(Date value) {
        return value == null ? null : value.toLocalDate();
    }

    private static Shipment restore(ResultSet rs) throws SQLException {
        return Shipment.restore(rs.getObject("id", UUID.class), new TrackingNumber(rs.getString("tracking_number")),
                rs.getObject("customer_id", UUID.class), details(rs), status(rs.getString("status")),
                rs.getObject("agent_id", UUID.class), rs.getObject("hub_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of(),
                ServiceLevel.fromStored(rs.getString("service_level")), localDate(rs.getDate("promised_delivery_date")),
                localDate(rs.getDate("estimated_delivery")), List.of());
    }

    private static ShipmentView view(ResultSet rs, int row) throws SQLException {
        return new ShipmentView(rs.getObject("id", UUID.class), new TrackingNumber(rs.getString("tracking_number")),
                status(rs.getString("status")), rs.getString("current_location"), details(rs),
                rs.getObject("customer_id", UUID.class), rs.getObject("agent_id", UUID.class),
                rs.getObject("hub_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), ServiceLevel.fromStored(rs.getString("service_level")),
                localDate(rs.getDate("promised_delivery_date")), localDate(rs.getDate("estimated_delivery")), null,
                instruction(rs), payment(rs));
    }

    private static DeliveryInstruction instruction(ResultSet rs) throws SQLException {
        String action = rs.getString("action");
        return action == null ? null : new DeliveryInstruction(
                DeliveryInstruction.Action.fromWire(action).orElseThrow(),
                rs.getObject("reattempt_on", LocalDate.class), rs.getInt("after_attempt"),
                rs.getObject("given_by", UUID.class), rs.getTimestamp("given_at").toInstant());
    }

    private static ShipmentDetails details(ResultSet rs) throws SQLException {
        return new ShipmentDetails(rs.getString("source_address"), rs.getString("destination_address"),
                rs.getString("recipient_name"), rs.getString("recipient_phone"), rs.getBigDecimal("weight_kg"),
                rs.getString("description"));
    }

    private static GeoPoint point(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("lat");
        return rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lon"));
    }

    private static ShipmentStatus status(String wire) {
        return ShipmentStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
