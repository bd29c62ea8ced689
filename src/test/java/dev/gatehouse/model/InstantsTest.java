package dev.gatehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantsTest {
    @Test
    void readsBackWhatInstantToStringWrote() {
        SplittableRandom r = new SplittableRandom(3);
        long lo = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long hi = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(r.nextLong(lo, hi + 1), nanos);
            assertThat(Instants.parse(t.toString())).isEqualTo(t);
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("2024-02-29T23:59:59.1Z"),
                Instant.parse("-0001-01-01T00:00:00Z")}) {
            assertThat(Instants.parse(t.toString())).isEqualTo(t);
        }
    }

    @Test
    void whatIsNotAnInstantIsRefusedAsInstantParseRefusesIt() {
        for (String bad : new String[] {"2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z",
                "2025-01-01T00:00:0xZ", "2025-01-01 00:00:00Z", "2025-01-01T00:00:00"}) {
            assertThatThrownBy(() -> Instants.parse(bad)).isInstanceOf(DateTimeParseException.class);
        }
    }
}
