package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test's reader of the text format refuses what the format forbids, so that passing it means something. */
class PrometheusTextTest {
    @Test
    void readsTheFormatsExample() {
        var f = PrometheusText.parse("""
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000
                # TYPE d histogram
                d_bucket{le="0.1"} 1
                d_bucket{le="+Inf"} 2
                d_sum 0.3
                d_count 2
                # TYPE g gauge
                g{path="a\\"b\\\\c\\nd"} NaN
                """.replace("}    3", "} 3"));
        assertThat(f.get("http_requests_total").find("http_requests_total", Map.of("code", "400")).get(0).value()).isEqualTo(3);
        assertThat(f.get("g").samples().get(0).labels()).containsEntry("path", "a\"b\\c\nd");
    }

    @Test
    void refusesWhatTheFormatForbids() {
        assertThatThrownBy(() -> PrometheusText.parse("x 1\n")).hasMessageContaining("before its family");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx{a=\"1} 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx 1")).hasMessageContaining("line feed");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\n# TYPE x gauge\n")).hasMessageContaining("second TYPE");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n"))
                .hasMessageContaining("cumulative");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n"))
                .hasMessageContaining("+Inf");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx{a=\"1\",a=\"2\"} 1\n")).hasMessageContaining("twice");
    }
}
