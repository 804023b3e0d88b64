package io.waybill.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.waybill.kernel.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScanCodeTest {

    private static final TrackingNumber NUMBER = new TrackingNumber("TRK79927398713");

    @ParameterizedTest
    @ValueSource(strings = {"TRK79927398713", "trk79927398713", "  TRK79927398713\\n", "\\tTRK79927398713 "})
    void shouldReadABareTrackingNumber(String scanned) {
        assertThat(ScanCode.read(scanned.replace("\\n", "\n").replace("\\t", "\t")))
                .isEqualTo(new ScanCode.Parcel(NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8080/t/TRK79927398713",
        "https://track.example.com/t/TRK79927398713/",
        "https://track.example.com/t/TRK79927398713?utm_source=label",
        "https://track.example.com/t/TRK79927398713/?utm_source=label#top",
        "HTTPS://TRACK.EXAMPLE.COM/T/trk79927398713",
        "https://example.com/parcels/track/TRK79927398713",
        "https://example.com/t/TRK79927398713//"})
    void shouldReadTheTrackingNumberFromATrackingUrl(String scanned) {
        assertThat(ScanCode.read(scanned)).isEqualTo(new ScanCode.Parcel(NUMBER));
    }

    @Test
    void shouldReadBackTheUrlALabelPrints() {
        TrackingLink link = new TrackingLink("https://track.example.com/");

        assertThat(link.to(NUMBER)).isEqualTo("https://track.example.com/t/TRK79927398713");
        assertThat(ScanCode.read(link.to(NUMBER))).isEqualTo(new ScanCode.Parcel(NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BAG4831209576", "bag4831209576", "  BAG4831209576 ", "BAG4831209570"})
    void shouldReadABagCodeByItsShapeLeavingItsCheckDigitToTheBagsKeeper(String scanned) {
        assertThat(ScanCode.read(scanned)).isEqualTo(
                new ScanCode.Bag(scanned.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BAG483120957", "BAG48312095761", "BAG-4831209576", "https://example.com/t/BAG4831209576"})
    void shouldRefuseWhatIsShapedNearlyLikeABagCode(String scanned) {
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ScanCode.read(scanned)).getMessage())
                .startsWith("is not a shipment code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRK79927398714", "https://track.example.com/t/TRK79927398710", "trk00000000001"})
    void shouldTellAWrongCheckDigitApart(String scanned) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ScanCode.read(scanned));

        assertThat(refused.field()).isEqualTo("code");
        assertThat(refused.getMessage()).contains("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "12345", "TRK7992739871", "TRK799273987130", "BAG-000123",
        "https://track.example.com/", "https://track.example.com/t/", "https://track.example.com/TRK79927398713",
        "https://track.example.com/t/TRK79927398713/extra", "https://track.example.com/t?n=TRK79927398713",
        "ftp://track.example.com/t/TRK79927398713", "https://exa mple.com/t/TRK79927398713",
        "TRK79927398713 TRK79927398713"})
    void shouldRefuseWhatIsNoShipmentCode(String scanned) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ScanCode.read(scanned));

        assertThat(refused.field()).isEqualTo("code");
        assertThat(refused.getMessage()).startsWith("is not a shipment code");
    }

    @Test
    void shouldRefuseACodeLongerThanAnyLabelPrints() {
        String longUrl = "https://track.example.com/" + "a/".repeat(ScanCode.MAX_LENGTH) + "t/TRK79927398713";

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ScanCode.read(longUrl)).getMessage())
                .startsWith("is not a shipment code");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void shouldRequireACode(String scanned) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> ScanCode.read(scanned));

        assertThat(refused.field()).isEqualTo("code");
        assertThat(refused.getMessage()).isEqualTo("is required");
    }
}
