package dev.gatehouse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdsTest {
    /** The rule as {@link Ids#rule()} words it, as a pattern: the loop must agree with it on every text. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String ALPHABET = "aZ09_-. /\u00e9\u0000\n:%+@x7Q";

    @Test
    void agreesWithTheRuleOnRandomTexts() {
        Random random = new Random(16);
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(70);
            StringBuilder b = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                // Mostly allowed characters, so that long valid ids and one bad character among many both occur.
                b.append(random.nextInt(10) < 8 ? "abcXYZ019_-".charAt(random.nextInt(11))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String id = b.toString();
            assertThat(Ids.isValid(id)).as("'%s'", id).isEqualTo(RULE.matcher(id).matches());
        }
    }

    @Test
    void edges() {
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid("a".repeat(64))).isTrue();
        assertThat(Ids.isValid("a".repeat(65))).isFalse();
        assertThat(Ids.isValid("space-1_A")).isTrue();
        assertThat(Ids.isValid("a/b")).isFalse();
        assertThat(Ids.isValid("\u0661")).as("an Arabic-Indic digit is no ASCII digit").isFalse();
    }
}
