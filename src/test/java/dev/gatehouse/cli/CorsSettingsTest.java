package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --cors-origins / GATEHOUSE_CORS_ORIGINS: none by default, the flag before the environment, a bad one named. */
class CorsSettingsTest {
    @Test
    void noOriginIsAllowedByDefault() {
        assertThat(HttpSettings.corsOrigins(null, Map.of())).isEmpty();
    }

    @Test
    void theFlagComesBeforeTheEnvironment() {
        Map<String, String> env = Map.of("GATEHOUSE_CORS_ORIGINS", "https://a.example, https://b.example");
        assertThat(HttpSettings.corsOrigins(null, env)).containsExactly("https://a.example", "https://b.example");
        assertThat(HttpSettings.corsOrigins("http://localhost:3000", env)).containsExactly("http://localhost:3000");
    }

    @Test
    void aBadOriginNamesTheSettingAndWhatToGive() {
        assertThatThrownBy(() -> HttpSettings.corsOrigins("*", Map.of()))
                .hasMessageContaining("--cors-origins / GATEHOUSE_CORS_ORIGINS").hasMessageContaining("https://docs.example.com");
        assertThatThrownBy(() -> HttpSettings.corsOrigins(null, Map.of("GATEHOUSE_CORS_ORIGINS", "https://x.example/app")))
                .hasMessageContaining("GATEHOUSE_CORS_ORIGINS").hasMessageContaining("without a path");
    }

    @Test
    void serveStopsOnABadOriginWithTheSettingsExitCode() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.env = Map.of("GATEHOUSE_CORS_ORIGINS", "docs.example.com");
        serve.data.data = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-cors-never-made");
        assertThat(serve.call()).isEqualTo(2);
        assertThat(serve.data.data).doesNotExist();
    }
}
