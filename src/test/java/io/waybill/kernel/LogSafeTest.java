package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void shouldWriteLineBreaksAndControlsAsEscapesSoAValueStaysOnItsLine() {
        assertThat(LogSafe.escape("+91\r\n2025-01-01 INFO forged")).isEqualTo("+91\\r\\n2025-01-01 INFO forged");
        assertThat(LogSafe.escape("a\tb\u001bc\u2028d")).isEqualTo("a\\tb\\u001bc\\u2028d");
        assertThat(LogSafe.escape("C:\\n")).isEqualTo("C:\\\\n");
    }

    @Test
    void shouldLeavePrintableTextAsItIs() {
        String text = "Nina Notified, Koramangala, Bangalore ₹ ✓";
        assertThat(LogSafe.escape(text)).isSameAs(text);
        assertThat(LogSafe.escape(null)).isEqualTo("null");
    }
}
