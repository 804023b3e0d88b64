package io.waybill.shipments;

import java.util.List;

/**
 * One page of a list of shipments, and where the next one starts.
 *
 * @param items shipments of this page, in the list's order
 * @param page  the page number when the page was asked for by number; null when by cursor
 * @param size  the page size asked for (capped)
 * @param total how many shipments the list has; null when the page was asked for by cursor, where
 *              counting them would read the whole list on every page
 * @param next  where the next page starts; null on the last page
 */
public record ShipmentSlice(List<ShipmentView> items, Integer page, int size, Long total, ShipmentCursor next) {

    public ShipmentSlice {
        items = List.copyOf(items);
    }
}
