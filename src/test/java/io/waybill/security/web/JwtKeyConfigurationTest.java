package io.waybill.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Access tokens are checked on every authenticated request: the check must stay cheap and exact. */
class JwtKeyConfigurationTest {

    private final JwtKeyConfiguration configuration = new JwtKeyConfiguration();
    private final SecretKey key = new SecretKeySpec(
            "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private final JwtEncoder encoder = configuration.jwtEncoder(key);
    private final JwtDecoder decoder = configuration.jwtDecoder(key);

    @Test
    void shouldAcceptATokenOfItsOwnIssuer() {
        assertThat(decoder.decode(token("waybill")).getClaimAsString("iss")).isEqualTo("waybill");
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuer() {
        assertThatThrownBy(() -> decoder.decode(token("someone-else"))).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldDecodeWithoutThrowingAnyExceptionInside(@TempDir Path directory) throws Exception {
        String token = token("waybill");
        decoder.decode(token);
        Path file = directory.resolve("decode.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow");
            recording.start();
            String thread = Thread.currentThread().getName();
            for (int i = 0; i < 20; i++) {
                decoder.decode(token);
            }
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> thrown = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getThread() != null && thread.equals(event.getThread().getJavaName()))
                    .toList();
            assertThat(thrown).as("exceptions thrown (and caught) while decoding").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String token(String issuer) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject("42").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("role", "customer").build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
