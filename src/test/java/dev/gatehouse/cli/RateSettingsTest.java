package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.http.RateLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateSettingsTest {
    @Test
    void defaultsAreGenerousAndExemptTheSystemToken() {
        RateLimits d = Settings.resolve(null, null, null, Map.of()).rates();
        assertThat(d).isEqualTo(RateLimits.defaults());
        assertThat(d.limitSystem()).isFalse();
    }

    @Test
    void flagsWinOverTheEnvironment() {
        RateLimits r = RateSettings.resolve(new RateSettings.Flags("100", null, null, "7", "true"),
                Map.of("GATEHOUSE_RATE_READS", "5", "GATEHOUSE_RATE_READ_BURST", "9", "GATEHOUSE_RATE_WRITES", "11"));
        assertThat(r.readsPerMinute()).isEqualTo(100);
        assertThat(r.readBurst()).isEqualTo(9);
        assertThat(r.writesPerMinute()).isEqualTo(11);
        assertThat(r.writeBurst()).isEqualTo(7);
        assertThat(r.limitSystem()).isTrue();
    }

    @Test
    void aBadValueNamesTheFlagAndTheVariable() {
        assertThatThrownBy(() -> RateSettings.resolve(RateSettings.Flags.NONE, Map.of("GATEHOUSE_RATE_WRITES", "0")))
                .hasMessage("--rate-writes / GATEHOUSE_RATE_WRITES must be a whole number from 1 to 100000000; got '0'");
        assertThatThrownBy(() -> RateSettings.resolve(RateSettings.Flags.NONE, Map.of("GATEHOUSE_RATE_LIMIT_SYSTEM", "yes")))
                .hasMessageContaining("--rate-limit-system / GATEHOUSE_RATE_LIMIT_SYSTEM must be true or false");
    }
}
