package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    @Test
    void writesWhatInstantToStringWrites() {
        SplittableRandom r = new SplittableRandom(1);
        long lo = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long hi = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long seconds = r.nextLong(lo, hi + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoTime.format(t)).isEqualTo(t.toString());
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.parse("0999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.ofEpochSecond(-1, 1), Instant.MIN, Instant.MAX}) {
            assertThat(IsoTime.format(t)).isEqualTo(t.toString());
        }
    }
}
