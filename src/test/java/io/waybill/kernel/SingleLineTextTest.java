package io.waybill.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleLineTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nb", "a\tb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b",
            "a\u009fb", "a\u2028b", "a\u2029b"})
    void shouldRefuseControlCharactersAndLineSeparatorsNamingTheField(String text) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> SingleLineText.optional("full_name", text, 200));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("full_name");
        assertThat(refused.getMessage()).contains("single line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha Rao", "Zoë O'Brien", "Flat 3, \"Ānanda\" — Chennai ₹", "李小龍", "emoji 📦 ok"})
    void shouldKeepPrintableTextOfAnyScript(String text) {
        assertThat(SingleLineText.optional("name", text, 200)).isEqualTo(text);
    }

    @Test
    void shouldStripTurnBlankIntoNullAndBoundTheLength() {
        assertThat(SingleLineText.optional("name", "  Asha \n", 200)).isEqualTo("Asha");
        assertThat(SingleLineText.optional("name", " \t\n ", 200)).isNull();
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> SingleLineText.required("city", " ", 200)).getMessage()).isEqualTo("is required");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> SingleLineText.optional("name", "x".repeat(201), 200)).field()).isEqualTo("name");
    }
}
