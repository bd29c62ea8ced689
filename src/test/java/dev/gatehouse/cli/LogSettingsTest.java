package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.testlog.ExpectedLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log's format, level and access log, from flags, then the environment, then defaults, applied to Logback. */
class LogSettingsTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<OutputStreamAppender<ILoggingEvent>, Encoder<ILoggingEvent>> encoders = new HashMap<>();
    private final Level rootLevel = root.getLevel();
    private final Level gatehouseLevel = context.getLogger("dev.gatehouse").getLevel();
    private final Level accessLevel = context.getLogger("gatehouse.access").getLevel();
    private OutputStreamAppender<ILoggingEvent> captured;
    /** Keeps the console out of it while these tests write lines of their own. */
    private ExpectedLog quiet;

    @AfterEach
    void restore() {
        if (captured != null) {
            root.detachAppender(captured);
        }
        if (quiet != null) {
            quiet.close();
        }
        encoders.forEach(OutputStreamAppender::setEncoder);
        root.setLevel(rootLevel);
        context.getLogger("dev.gatehouse").setLevel(gatehouseLevel);
        context.getLogger("gatehouse.access").setLevel(accessLevel);
    }

    @Test
    void flagsThenEnvironmentThenDefaults() {
        assertThat(LogSettings.resolve(null, null, null, Map.of())).isEqualTo(LogSettings.DEFAULTS);
        assertThat(LogSettings.DEFAULTS).isEqualTo(new LogSettings(false, Level.INFO, true));
        Map<String, String> env = Map.of("GATEHOUSE_LOG_FORMAT", "json", "GATEHOUSE_LOG_LEVEL", "WARN",
                "GATEHOUSE_ACCESS_LOG", "off");
        assertThat(LogSettings.resolve(null, null, null, env)).isEqualTo(new LogSettings(true, Level.WARN, false));
        assertThat(LogSettings.resolve("text", "debug", "on", env)).isEqualTo(new LogSettings(false, Level.DEBUG, true));
        assertThatThrownBy(() -> LogSettings.resolve("xml", null, null, Map.of())).hasMessageContaining("--log-format / GATEHOUSE_LOG_FORMAT");
        assertThatThrownBy(() -> LogSettings.resolve(null, null, null, Map.of("GATEHOUSE_LOG_LEVEL", "loud")))
                .hasMessageContaining("--log-level / GATEHOUSE_LOG_LEVEL");
        assertThatThrownBy(() -> LogSettings.resolve(null, null, "maybe", Map.of())).hasMessageContaining("--access-log");
        assertThatThrownBy(() -> HttpSettings.metricsAccess("everyone", Map.of())).hasMessageContaining("--metrics / GATEHOUSE_METRICS");
        assertThat(HttpSettings.metricsAccess(null, Map.of())).hasToString("LOOPBACK");
        assertThat(HttpSettings.metricsAccess(null, Map.of("GATEHOUSE_METRICS", "Token"))).hasToString("TOKEN");
    }

    @Test
    void jsonWritesOneObjectALineWithTheAccessLogsFields() throws Exception {
        ByteArrayOutputStream out = capture();
        new LogSettings(true, Level.INFO, true).apply();
        LoggerFactory.getLogger("gatehouse.access").atInfo().addKeyValue("method", "GET").addKeyValue("status", 200)
                .log("GET / 200");
        LoggerFactory.getLogger("dev.gatehouse.Anything").info("a \"quoted\"\nline");
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode access = new ObjectMapper().readTree(lines[0]);
        assertThat(access.get("level").asText()).isEqualTo("INFO");
        assertThat(access.get("loggerName").asText()).isEqualTo("gatehouse.access");
        assertThat(access.get("formattedMessage").asText()).isEqualTo("GET / 200");
        assertThat(access.get("kvpList").toString()).contains("\"method\":\"GET\"").contains("\"status\":\"200\"");
        assertThat(new ObjectMapper().readTree(lines[1]).get("formattedMessage").asText()).isEqualTo("a \"quoted\"\nline");
    }

    @Test
    void theLevelAndTheAccessLogSwitch() {
        ByteArrayOutputStream out = capture();
        new LogSettings(false, Level.WARN, false).apply();
        LoggerFactory.getLogger("gatehouse.access").info("GET / 200");
        LoggerFactory.getLogger("dev.gatehouse.Anything").info("quiet");
        LoggerFactory.getLogger("dev.gatehouse.Anything").warn("loud");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("WARN loud\n");
        new LogSettings(false, Level.WARN, true).apply();
        LoggerFactory.getLogger("gatehouse.access").info("GET / 200");
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("INFO GET / 200\n");
    }

    /**
     * With the server's own logback.xml: access lines are written by a queue's thread that never blocks a
     * request, in the format asked for, and none is lost when the log is stopped (as a stop does).
     */
    @Test
    void theServersAccessLogIsQueuedAndFollowsTheFormat() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Before the console appenders start, which take System.err as it is then.
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LoggerContext server = new LoggerContext();
            server.setMDCAdapter(new LogbackMDCAdapter());
            JoranConfigurator config = new JoranConfigurator();
            config.setContext(server);
            config.doConfigure(LogSettingsTest.class.getResource("/logback.xml"));
            Logger access = server.getLogger("gatehouse.access");
            assertThat(access.isAdditive()).isFalse();
            assertThat(access.getAppender("ACCESS")).isInstanceOf(QueuedConsoleAppender.class);
            new LogSettings(true, Level.INFO, true).apply(server);
            for (int i = 0; i < 1000; i++) {
                server.getLogger("gatehouse.access").atInfo().addKeyValue("status", 200).log("GET /healthz 200 #" + i);
            }
            server.getLogger("dev.gatehouse.Anything").info("started");
            server.stop();
        } finally {
            System.setErr(original);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1001);
        for (String line : lines) {
            assertThat(new ObjectMapper().readTree(line).has("formattedMessage")).as(line).isTrue();
        }
        assertThat(lines).anyMatch(l -> l.contains("200 #999\""));
    }

    /** The root logger's only appender, writing to memory, and the encoders of all of them, to put back. */
    private ByteArrayOutputStream capture() {
        quiet = ExpectedLog.everything();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        captured = new OutputStreamAppender<>();
        captured.setContext(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        captured.setEncoder(encoder);
        captured.setOutputStream(out);
        captured.start();
        root.addAppender(captured);
        root.iteratorForAppenders().forEachRemaining((Appender<ILoggingEvent> a) -> {
            if (a instanceof OutputStreamAppender<ILoggingEvent> o) {
                encoders.put(o, o.getEncoder());
            }
        });
        return out;
    }
}
