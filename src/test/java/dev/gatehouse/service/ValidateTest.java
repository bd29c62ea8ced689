package dev.gatehouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidateTest {
    @Test
    void textIsStrippedAndHeldToItsLength() {
        assertThat(Validate.text("title", "  Docs ", 1, 10)).isEqualTo("Docs");
        assertThatThrownBy(() -> Validate.text("title", " ", 1, 10)).hasMessageContaining("'title'");
    }

    @Test
    void aNulCharacterIsRefusedWhateverTheStore() {
        assertThatThrownBy(() -> Validate.text("title", "Do\0cs", 1, 10))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> Validate.optionalText("description", "\0", 10)).hasMessageContaining("'description'");
    }
}
