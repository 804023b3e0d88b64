package io.waybill.linehaul.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.waybill.linehaul.BagLabel;
import io.waybill.linehaul.BagLabelPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * A bag's label on a 4x6-inch page: the bag code as a QR code (high error correction: bag labels
 * get scuffed on conveyor belts), the code in large print under it, and the hubs. Helvetica, one
 * of PDF's standard fonts, so nothing is embedded and any viewer prints it the same.
 */
@Component
class PdfBoxBagLabelPrinter implements BagLabelPrinter {

    private static final float WIDTH = 4 * 72f;
    private static final float HEIGHT = 6 * 72f;
    private static final float QR_SIDE = 200f;

    @Override
    public byte[] pdf(BagLabel label) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                BitMatrix qr = qr(label.code().value());
                float cell = QR_SIDE / qr.getWidth();
                float left = (WIDTH - QR_SIDE) / 2;
                float bottom = HEIGHT - 24 - QR_SIDE;
                for (int y = 0; y < qr.getHeight(); y++) {
                    for (int x = 0; x < qr.getWidth(); x++) {
                        if (qr.get(x, y)) {
                            content.addRect(left + x * cell, bottom + (qr.getHeight() - 1 - y) * cell, cell, cell);
                        }
                    }
                }
                content.fill();
                line(content, bold, 22, bottom - 34, label.code().value());
                line(content, plain, 12, bottom - 64, "From: " + ascii(label.origin()));
                line(content, plain, 12, bottom - 82, "To: " + ascii(label.destination()));
                line(content, plain, 12, bottom - 100, label.shipmentCount() + " shipment(s)");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float size, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(18, y);
        content.showText(text);
        content.endText();
    }

    /** Helvetica without an embedded font draws WinAnsi only: anything else is shown as '?'. */
    private static String ascii(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static BitMatrix qr(String contents) {
        try {
            return new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode the bag code as a QR code", e);
        }
    }
}
