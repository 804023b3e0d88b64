package io.waybill.shipments.label;

import com.google.zxing.common.BitMatrix;
import io.waybill.shipments.ShippingLabel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The label as a 4x6 inch PDF page drawn with PDFBox, and as an image of that page.
 *
 * <p>Everything is laid out on the grid of a 203 dpi thermal printer's dots, counted from the top:
 * each bar of the barcode and each module of the QR code is a whole number of dots wide, so that a
 * thermal printer (or the 203 dpi image) draws them exactly, without one bar a dot wider than the
 * next. The text is set in Liberation Sans, embedded (the subset used), so that the page looks the
 * same everywhere and renders without any font installed; a character the font lacks prints as
 * {@code ?}.
 */
final class PdfBoxLabel {

    static final int DPI = 203;
    private static final int PAGE_WIDTH_DOTS = 4 * DPI;
    private static final int PAGE_HEIGHT_DOTS = 6 * DPI;
    private static final float DOT = 72f / DPI;
    private static final int MARGIN = 36;
    private static final int CONTENT_WIDTH = PAGE_WIDTH_DOTS - 2 * MARGIN;
    private static final int BARCODE_QUIET_MODULES = 10;
    private static final int BARCODE_HEIGHT = 200;
    private static final int QR_SIZE = 280;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfBoxLabel() {
    }

    static byte[] pdf(ShippingLabel label) {
        try (PDDocument document = new PDDocument()) {
            draw(document, label);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page at 203 dpi, black and white as a thermal printer prints it (812x1218 pixels). */
    static byte[] png(ShippingLabel label) {
        // Rendered from the saved PDF, so that the embedded font subset is the one printed.
        try (PDDocument document = Loader.loadPDF(pdf(label))) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.BINARY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDDocument document, ShippingLabel label) throws IOException {
        PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH_DOTS * DOT, PAGE_HEIGHT_DOTS * DOT));
        document.addPage(page);
        PDFont font = font(document);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            Page p = new Page(content, font);
            int y = MARGIN;
            p.text("WAYBILL", MARGIN, y, 34);
            String level = label.serviceLevel().toUpperCase(Locale.ROOT);
            int levelWidth = p.width(level, 30) + 24;
            p.box(PAGE_WIDTH_DOTS - MARGIN - levelWidth, y - 6, levelWidth, 48, 3);
            p.text(level, PAGE_WIDTH_DOTS - MARGIN - levelWidth + 12, y + 2, 30);
            y += 54;
            p.rule(y);

            y += 12;
            p.text("FROM", MARGIN, y, 18);
            y = p.paragraph(label.senderAddress(), MARGIN, y + 24, CONTENT_WIDTH, 24, 2);
            p.rule(y += 6);

            y += 12;
            p.text("TO", MARGIN, y, 18);
            y += 26;
            if (label.recipientName() != null) {
                y = p.paragraph(label.recipientName(), MARGIN, y, CONTENT_WIDTH, 36, 1);
            }
            y = p.paragraph(label.recipientAddress(), MARGIN, y, CONTENT_WIDTH, 34, 4);
            p.rule(y += 6);

            y += 12;
            int half = CONTENT_WIDTH / 2;
            p.text("HUB", MARGIN, y, 18);
            p.text("WEIGHT", MARGIN + half + 20, y, 18);
            int hubEnd = p.paragraph(label.hub() == null ? "-" : label.hub(), MARGIN, y + 24, half, 26, 2);
            p.text(label.weightText(), MARGIN + half + 20, y + 24, 26);
            y = Math.max(hubEnd, y + 24 + 32);
            p.rule(y += 6);

            y += 24;
            y = p.barcode(ZxingCodes.code128(label.trackingNumber().value()), y);
            y += 10;
            String number = label.trackingNumber().value();
            p.text(number, (PAGE_WIDTH_DOTS - p.width(number, 40)) / 2, y, 40);

            int qrTop = PAGE_HEIGHT_DOTS - MARGIN - QR_SIZE;
            int qrEnd = p.qr(ZxingCodes.qr(label.trackingUrl()), MARGIN, qrTop);
            int textLeft = qrEnd + 24;
            p.text("Track this parcel:", textLeft, qrTop + 20, 22);
            p.paragraph(label.trackingUrl(), textLeft, qrTop + 52, PAGE_WIDTH_DOTS - MARGIN - textLeft, 20, 6);
        }
    }

    private static PDFont font(PDDocument document) throws IOException {
        try (InputStream ttf = PdfBoxLabel.class.getResourceAsStream(FONT)) {
            if (ttf != null) {
                return PDType0Font.load(document, ttf, true);
            }
        }
        // PDFBox no longer ships the font: Helvetica, not embedded, with its narrower character set.
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** Drawing on the page in dots from the top left; PDF's own origin is the bottom left, in points. */
    private static final class Page {

        private final PDPageContentStream content;
        private final PDFont font;

        Page(PDPageContentStream content, PDFont font) {
            this.content = content;
            this.font = font;
        }

        /** One line of text whose top is at {@code top}, {@code size} dots high. */
        void text(String text, int left, int top, int size) throws IOException {
            content.beginText();
            content.setFont(font, size * DOT);
            // The baseline sits about 80% of the font size below the top of the capitals' line.
            content.newLineAtOffset(left * DOT, (PAGE_HEIGHT_DOTS - top - Math.round(size * 0.8f)) * DOT);
            content.showText(printable(text));
            content.endText();
        }

        /** Text wrapped at word boundaries into at most {@code maxLines}; answers the dot below the last line. */
        int paragraph(String text, int left, int top, int width, int size, int maxLines) throws IOException {
            List<String> lines = wrap(printable(text), width, size, maxLines);
            int y = top;
            for (String line : lines) {
                text(line, left, y, size);
                y += Math.round(size * 1.2f);
            }
            return y;
        }

        int width(String text, int size) throws IOException {
            return Math.round(font.getStringWidth(printable(text)) / 1000f * size);
        }

        void rule(int y) throws IOException {
            fill(MARGIN, y, CONTENT_WIDTH, 3);
        }

        void box(int left, int top, int width, int height, int line) throws IOException {
            fill(left, top, width, line);
            fill(left, top + height - line, width, line);
            fill(left, top, line, height);
            fill(left + width - line, top, line, height);
        }

        /** The barcode centred, each module the same whole number of dots wide; answers the dot below it. */
        int barcode(boolean[] modules, int top) throws IOException {
            int moduleDots = Math.max(1, CONTENT_WIDTH / (modules.length + 2 * BARCODE_QUIET_MODULES));
            int left = (PAGE_WIDTH_DOTS - modules.length * moduleDots) / 2;
            int x = 0;
            while (x < modules.length) {
                if (!modules[x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.length && modules[x]) {
                    x++;
                }
                fill(left + start * moduleDots, top, (x - start) * moduleDots, BARCODE_HEIGHT);
            }
            return top + BARCODE_HEIGHT;
        }

        /** The QR code in a square of {@link #QR_SIZE} dots at most; answers the dot right of it. */
        int qr(BitMatrix matrix, int left, int top) throws IOException {
            int moduleDots = Math.max(1, QR_SIZE / matrix.getWidth());
            for (int row = 0; row < matrix.getHeight(); row++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, row)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, row)) {
                        x++;
                    }
                    fill(left + start * moduleDots, top + row * moduleDots, (x - start) * moduleDots, moduleDots);
                }
            }
            return left + matrix.getWidth() * moduleDots;
        }

        private void fill(int left, int top, int width, int height) throws IOException {
            content.addRect(left * DOT, (PAGE_HEIGHT_DOTS - top - height) * DOT, width * DOT, height * DOT);
            content.fill();
        }

        private List<String> wrap(String text, int width, int size, int maxLines) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the line (a URL, a long name) is broken where it reaches the edge.
                String rest = word;
                while (width(rest, size) > width) {
                    int fits = 1;
                    while (fits < rest.length() && width(rest.substring(0, fits + 1), size) <= width) {
                        fits++;
                    }
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            if (lines.size() > maxLines) {
                List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
                String last = kept.get(maxLines - 1);
                while (!last.isEmpty() && width(last + "...", size) > width) {
                    last = last.substring(0, last.length() - 1);
                }
                kept.set(maxLines - 1, last + "...");
                return kept;
            }
            return lines;
        }

        /** The text with each character the font cannot show replaced by {@code ?}. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IllegalArgumentException | IOException noGlyph) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
