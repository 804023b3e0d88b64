package io.waybill.shipments.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.shipments.ShippingLabel;
import io.waybill.shipments.TrackingNumber;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZplLabelTest {

    private static final TrackingNumber NUMBER = new TrackingNumber("TRK79927398713");

    private static String zpl(String recipientAddress) {
        return new String(ZplLabel.zpl(new ShippingLabel(NUMBER, "https://track.example.com/t/TRK79927398713",
                "12 Anna Salai, Chennai", "Asha Rao", recipientAddress, new BigDecimal("0.750"), "Chennai Central",
                "standard")), StandardCharsets.UTF_8);
    }

    @Test
    void shouldBeOneFourBySixLabelWithTheBarcodeAndTheQrCodeForThePrinterToDraw() {
        String zpl = zpl("5 MG Road, Bengaluru");

        assertThat(zpl).startsWith("^XA\n^CI28\n^PW812\n^LL1218\n").endsWith("^XZ\n");
        assertThat(zpl).containsOnlyOnce("^XA").containsOnlyOnce("^XZ");
        assertThat(zpl).contains("^BCN,200,Y,N,N,A^FDTRK79927398713^FS");
        assertThat(zpl).contains("^BQN,2,7^FH\\^FDMA,https://track.example.com/t/TRK79927398713^FS");
        assertThat(zpl).contains("^FD5 MG Road, Bengaluru^FS", "^FDAsha Rao^FS", "^FD0.75 kg^FS",
                "^FDChennai Central^FS", "^FDSTANDARD^FS");
    }

    @Test
    void shouldSendCommandCharactersInTextAsHexSoThatNoAddressCanInjectACommand() {
        String zpl = zpl("^XZ^XA~JR \\ São Paulo");

        assertThat(zpl).contains("^FH\\^FD\\5EXZ\\5EXA\\7EJR \\5C São Paulo^FS");
        assertThat(zpl).containsOnlyOnce("^XA").containsOnlyOnce("^XZ").doesNotContain("~JR");
    }
}
