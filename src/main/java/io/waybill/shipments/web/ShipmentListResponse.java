package io.waybill.shipments.web;

import io.waybill.shipments.ShipmentSlice;
import java.util.List;

/**
 * A page of shipments on the wire: the contract's {@code {items, page, size, total}}, and
 * {@code next_cursor}, the position to ask for the next page from (null on the last page). Asked
 * for by cursor, {@code page} and {@code total} are null.
 */
record ShipmentListResponse(List<ShipmentResponse> items, Integer page, int size, Long total, String nextCursor) {

    static ShipmentListResponse of(ShipmentSlice slice) {
        return new ShipmentListResponse(slice.items().stream().map(ShipmentResponse::of).toList(), slice.page(),
                slice.size(), slice.total(), slice.next() == null ? null : slice.next().encode());
    }
}
