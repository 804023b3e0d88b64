package io.waybill.shipments.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The label's two codes as ZXing computes them, one cell per module and no quiet zone (the layout
 * leaves its own): a Code 128 barcode of the tracking number and a QR code of the tracking URL.
 */
final class ZxingCodes {

    private ZxingCodes() {
    }

    /** The barcode's modules, left to right: true for a bar. */
    static boolean[] code128(String contents) {
        BitMatrix matrix = new Code128Writer().encode(contents, BarcodeFormat.CODE_128, 0, 0,
                Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.CODE128_COMPACT, true));
        boolean[] modules = new boolean[matrix.getWidth()];
        for (int x = 0; x < modules.length; x++) {
            modules[x] = matrix.get(x, 0);
        }
        return modules;
    }

    /** The QR code's modules, square; error correction M (15% of it may be lost to a scuff or a crease). */
    static BitMatrix qr(String contents) {
        try {
            return new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode a QR code of " + contents.length() + " characters", e);
        }
    }
}
