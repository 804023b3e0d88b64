package io.waybill.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import io.waybill.shipments.ShippingLabel;
import io.waybill.shipments.TrackingNumber;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfBoxLabelTest {

    private static final TrackingNumber NUMBER = new TrackingNumber("TRK79927398713");
    private static final String URL = "https://track.example.com/t/TRK79927398713";

    private static ShippingLabel label() {
        return new ShippingLabel(NUMBER, URL, "12 Anna Salai, Chennai 600002", "Asha Rao",
                "Flat 4B, Lakeview Apartments, 5 MG Road, Bengaluru 560001", new BigDecimal("2.500"),
                "Chennai Central, Chennai", "standard");
    }

    @Test
    void shouldPrintBarcodeAndQrCodeThatScanBackToTheNumberAndTheUrl() {
        BufferedImage image = LabelCodes.image(PdfBoxLabel.png(label()));

        assertThat(image.getWidth()).isEqualTo(812);
        assertThat(image.getHeight()).isEqualTo(1218);
        assertThat(LabelCodes.decode(image, BarcodeFormat.CODE_128).getText()).isEqualTo("TRK79927398713");
        assertThat(LabelCodes.decode(image, BarcodeFormat.QR_CODE).getText()).isEqualTo(URL);
    }

    @Test
    void shouldDrawA4By6InchPageWhoseCodesScanWhenPrinted() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfBoxLabel.pdf(label()))) {
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(page.getWidth()).isCloseTo(288f, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(page.getHeight()).isCloseTo(432f, org.assertj.core.data.Offset.offset(0.01f));

            // A 300 dpi office printer, not the 203 dpi grid the page is laid out on.
            BufferedImage printed = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            assertThat(LabelCodes.decode(printed, BarcodeFormat.CODE_128).getText()).isEqualTo("TRK79927398713");
            assertThat(LabelCodes.decode(printed, BarcodeFormat.QR_CODE).getText()).isEqualTo(URL);
        }
    }

    @Test
    void shouldPrintTheAddressesWeightHubAndServiceLevel() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PdfBoxLabel.pdf(label()))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("12 Anna Salai, Chennai 600002", "Asha Rao", "5 MG Road", "2.5 kg",
                    "Chennai Central, Chennai", "STANDARD", "TRK79927398713");
        }
    }

    @Test
    void shouldPrintACharacterTheFontLacksAsAQuestionMarkInsteadOfFailing() throws IOException {
        ShippingLabel label = new ShippingLabel(NUMBER, URL, "Ünter den Linden 1, Berlin", "श्री राम",
                "東京都千代田区 1-1", null, null, "standard");

        try (PDDocument pdf = Loader.loadPDF(PdfBoxLabel.pdf(label))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("Ünter den Linden 1, Berlin", "??????? 1-1");
        }
        assertThat(LabelCodes.decode(LabelCodes.image(PdfBoxLabel.png(label)), BarcodeFormat.CODE_128).getText())
                .isEqualTo("TRK79927398713");
    }
}
