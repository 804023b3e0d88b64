package io.waybill.shipments.label;

import io.waybill.shipments.ShippingLabel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The label in ZPL II for a Zebra-compatible thermal printer at 203 dpi with 4x6 inch labels: the
 * same content as the PDF, laid out by the printer's own fonts, with the barcode ({@code ^BC}) and
 * QR code ({@code ^BQ}) drawn by the printer. Text fields are UTF-8 ({@code ^CI28}); the characters
 * ZPL reads as commands ({@code ^ ~ \}) are sent as hex escapes ({@code ^FH}), so that no address
 * can inject a command.
 */
final class ZplLabel {

    private static final int WIDTH = 4 * 203;
    private static final int HEIGHT = 6 * 203;
    private static final int MARGIN = 36;
    private static final int CONTENT = WIDTH - 2 * MARGIN;

    private ZplLabel() {
    }

    static byte[] zpl(ShippingLabel label) {
        StringBuilder zpl = new StringBuilder();
        zpl.append("^XA\n^CI28\n^PW").append(WIDTH).append("\n^LL").append(HEIGHT).append("\n^LH0,0\n");
        text(zpl, MARGIN, 36, 40, "WAYBILL");
        zpl.append("^FO560,28^GB216,52,3^FS\n");
        text(zpl, 576, 40, 32, label.serviceLevel().toUpperCase(Locale.ROOT));
        rule(zpl, 92);
        text(zpl, MARGIN, 104, 20, "FROM");
        block(zpl, MARGIN, 128, 24, CONTENT, 2, label.senderAddress());
        rule(zpl, 190);
        text(zpl, MARGIN, 202, 20, "TO");
        int y = 228;
        if (label.recipientName() != null) {
            block(zpl, MARGIN, y, 36, CONTENT, 1, label.recipientName());
            y += 44;
        }
        block(zpl, MARGIN, y, 34, CONTENT, 4, label.recipientAddress());
        rule(zpl, 440);
        text(zpl, MARGIN, 452, 20, "HUB");
        text(zpl, MARGIN + CONTENT / 2 + 20, 452, 20, "WEIGHT");
        block(zpl, MARGIN, 476, 26, CONTENT / 2, 2, label.hub() == null ? "-" : label.hub());
        text(zpl, MARGIN + CONTENT / 2 + 20, 476, 26, label.weightText());
        rule(zpl, 544);
        // Code 128 in automatic mode (the printer picks the code sets), 4 dots a module, with the
        // number printed under it.
        zpl.append("^FO").append(MARGIN + 60).append(",570^BY4,3,200^BCN,200,Y,N,N,A^FD")
                .append(label.trackingNumber().value()).append("^FS\n");
        // QR code model 2, 7 dots a module, error correction M, data entered automatically ("MA,").
        zpl.append("^FO").append(MARGIN).append(",890^BQN,2,7^FH\\^FDMA,").append(escape(label.trackingUrl()))
                .append("^FS\n");
        text(zpl, 360, 920, 22, "Track this parcel:");
        block(zpl, 360, 952, 20, WIDTH - MARGIN - 360, 6, label.trackingUrl());
        zpl.append("^XZ\n");
        return zpl.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void text(StringBuilder zpl, int x, int y, int size, String text) {
        zpl.append("^FO").append(x).append(',').append(y).append("^A0N,").append(size).append(',').append(size)
                .append("^FH\\^FD").append(escape(text)).append("^FS\n");
    }

    /** A field block: the printer wraps the text at word boundaries into at most {@code lines} lines. */
    private static void block(StringBuilder zpl, int x, int y, int size, int width, int lines, String text) {
        zpl.append("^FO").append(x).append(',').append(y).append("^A0N,").append(size).append(',').append(size)
                .append("^FB").append(width).append(',').append(lines).append(",4,L,0")
                .append("^FH\\^FD").append(escape(text)).append("^FS\n");
    }

    private static void rule(StringBuilder zpl, int y) {
        zpl.append("^FO").append(MARGIN).append(',').append(y).append("^GB").append(CONTENT).append(",3,3^FS\n");
    }

    /** ZPL's command characters as {@code ^FH} hex escapes (the escape character itself included). */
    static String escape(String text) {
        return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E");
    }
}
