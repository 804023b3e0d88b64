package io.waybill.shipments;

import io.waybill.kernel.BadParameterException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a list of shipments, handed to the client as an opaque {@code next_cursor}: the
 * list's order and the sort key of the last shipment it showed, so that the next page is read from
 * an index from there on (keyset paging), however deep into the list it is, rather than by
 * skipping rows. It holds no filter and grants nothing: the list still shows only what the caller
 * may see.
 *
 * @param order the list's order
 * @param at    the last shipment's creation time (newest first) or update time (by update)
 * @param id    the last shipment's id, which breaks ties of time
 */
public record ShipmentCursor(Order order, Instant at, UUID id) {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";

    public ShipmentCursor {
        if (order == null || at == null || id == null) {
            throw new IllegalArgumentException("A cursor needs an order, a time and an id");
        }
    }

    /** The orders a list of shipments comes in. */
    public enum Order {
        /** By creation, newest first: the plain list. */
        NEWEST_FIRST("n"),
        /** By last change, oldest first: the list since {@code updated_since}, for syncing. */
        UPDATED_FIRST("u");

        private final String code;

        Order(String code) {
            this.code = code;
        }
    }

    /** The position just after this shipment, in this order. */
    public static ShipmentCursor after(Order order, ShipmentView shipment) {
        return new ShipmentCursor(order, order == Order.NEWEST_FIRST ? shipment.createdAt() : shipment.updatedAt(),
                shipment.id());
    }

    /** The cursor as the client carries it: URL-safe base64, no padding. */
    public String encode() {
        String plain = String.join(SEPARATOR, VERSION, order.code, at.toString(), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this server gave out; anything else is refused as a bad {@code cursor} parameter (400). */
    public static ShipmentCursor parse(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\" + SEPARATOR, -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw refused();
            }
            Order order = switch (parts[1]) {
                case "n" -> Order.NEWEST_FIRST;
                case "u" -> Order.UPDATED_FIRST;
                default -> throw refused();
            };
            return new ShipmentCursor(order, Instant.parse(parts[2]), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw refused();
        }
    }

    private static BadParameterException refused() {
        return new BadParameterException("cursor", "is not a cursor this list gave out; start again without it");
    }
}
