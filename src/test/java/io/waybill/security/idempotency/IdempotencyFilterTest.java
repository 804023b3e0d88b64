package io.waybill.security.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void shouldAcceptOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.invalidity("3f1c2a9e-7d4b-4c1e-9a2f-5b6c7d8e9f00")).isNull();
        assertThat(IdempotencyFilter.invalidity("order 42 / retry")).isNull();
        assertThat(IdempotencyFilter.invalidity("k".repeat(255))).isNull();
        assertThat(IdempotencyFilter.invalidity("k".repeat(256))).contains("at most 255");
        assertThat(IdempotencyFilter.invalidity("")).contains("empty");
        assertThat(IdempotencyFilter.invalidity("   ")).contains("empty");
        assertThat(IdempotencyFilter.invalidity("clé")).contains("printable ASCII");
        assertThat(IdempotencyFilter.invalidity("a\tb")).contains("printable ASCII");
    }

    @Test
    void shouldKeepAnswersTheSameRequestWouldGetAgainOnly() {
        assertThat(IdempotencyFilter.keeps(200)).isTrue();
        assertThat(IdempotencyFilter.keeps(201)).isTrue();
        assertThat(IdempotencyFilter.keeps(400)).isTrue();
        assertThat(IdempotencyFilter.keeps(404)).isTrue();
        assertThat(IdempotencyFilter.keeps(422)).isTrue();
        assertThat(IdempotencyFilter.keeps(401)).isFalse();
        assertThat(IdempotencyFilter.keeps(403)).isFalse();
        assertThat(IdempotencyFilter.keeps(409)).isFalse();
        assertThat(IdempotencyFilter.keeps(429)).isFalse();
        assertThat(IdempotencyFilter.keeps(500)).isFalse();
        assertThat(IdempotencyFilter.keeps(503)).isFalse();
    }
}
