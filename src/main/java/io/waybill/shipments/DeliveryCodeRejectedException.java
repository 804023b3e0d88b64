package io.waybill.shipments;

import io.waybill.kernel.InvalidRequestException;

/**
 * A delivery code that does not match, or one locked by too many wrong tries (422). The wrong try is
 * counted on the shipment before this is thrown: the caller stores the shipment all the same.
 */
public class DeliveryCodeRejectedException extends InvalidRequestException {

    private final int triesLeft;

    public DeliveryCodeRejectedException(int triesLeft) {
        super("code", triesLeft > 0
                ? "is not the recipient's one-time code; " + triesLeft + (triesLeft == 1 ? " try" : " tries") + " left"
                : "The one-time code is locked after " + DeliveryCode.MAX_WRONG_TRIES + " wrong tries: prove the "
                        + "delivery with a signature or a photo.");
        this.triesLeft = triesLeft;
    }

    public int triesLeft() {
        return triesLeft;
    }
}
