package io.waybill.security.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void shouldTakeJsonByItsContentNotItsSpelling() {
        assertThat(of("POST", "/shipments", "{\"a\": 1, \"b\": {\"y\": 2.50, \"x\": [1, 2]}}"))
                .isEqualTo(of("POST", "/shipments", "{\"b\":{\"x\":[1,2],\"y\":2.5},\"a\":1}"));
    }

    @Test
    void shouldTellApartBodiesMethodsAndPaths() {
        String body = "{\"a\": 1}";
        assertThat(of("POST", "/shipments", body)).isNotEqualTo(of("POST", "/shipments", "{\"a\": 2}"))
                .isNotEqualTo(of("PUT", "/shipments", body))
                .isNotEqualTo(of("POST", "/webhooks", body))
                .isNotEqualTo(of("POST", "/shipments", "{\"a\": [1]}"));
        assertThat(RequestFingerprint.of("POST", "/shipments", "x=1", body.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(of("POST", "/shipments", body));
    }

    @Test
    void shouldTakeABodyThatIsNotJsonByteForByte() {
        assertThat(of("POST", "/scans", "not json {")).isEqualTo(of("POST", "/scans", "not json {"))
                .isNotEqualTo(of("POST", "/scans", "not json  {"));
        assertThat(of("POST", "/scans", "")).isNotEqualTo(of("POST", "/scans", "{}"));
    }

    private static String of(String method, String path, String body) {
        return RequestFingerprint.of(method, path, null, body.getBytes(StandardCharsets.UTF_8));
    }
}
