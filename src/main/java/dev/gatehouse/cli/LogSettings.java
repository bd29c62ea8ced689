package dev.gatehouse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * How the log is written: text (logback.xml's pattern) or JSON lines, the level of Gatehouse's own
 * loggers, and whether the access log is on. Applied to Logback at start-up, before anything is logged, so
 * that logback.xml stays the one file describing the text default.
 *
 * @param json      JSON lines instead of text
 * @param level     the level of the root logger and of Gatehouse's loggers
 * @param accessLog one line per request (logger {@code gatehouse.access}); off only to measure what it costs
 */
record LogSettings(boolean json, Level level, boolean accessLog) {
    static final LogSettings DEFAULTS = new LogSettings(false, Level.INFO, true);
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    static LogSettings resolve(String formatFlag, String levelFlag, String accessFlag, Map<String, String> env) {
        String format = pick(formatFlag, env, "GATEHOUSE_LOG_FORMAT", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--log-format / GATEHOUSE_LOG_FORMAT must be text or json; got '" + format + "'");
        }
        String level = pick(levelFlag, env, "GATEHOUSE_LOG_LEVEL", "info");
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("--log-level / GATEHOUSE_LOG_LEVEL must be trace, debug, info, warn or "
                    + "error; got '" + level + "'");
        }
        String access = pick(accessFlag, env, "GATEHOUSE_ACCESS_LOG", "on");
        if (!access.equals("on") && !access.equals("off")) {
            throw new IllegalArgumentException("--access-log / GATEHOUSE_ACCESS_LOG must be on or off; got '" + access + "'");
        }
        return new LogSettings(format.equals("json"), Level.toLevel(level), access.equals("on"));
    }

    private static String pick(String flag, Map<String, String> env, String name, String fallback) {
        String v = flag != null ? flag : env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip().toLowerCase(Locale.ROOT);
    }

    /** Reconfigures Logback: the encoder of every appender of the root logger, and the levels. */
    void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context);
        }
    }

    /**
     * The same on {@code context}: the encoders of the root logger's appenders and of the access log's (which
     * logback.xml gives an appender of its own, {@link QueuedConsoleAppender}), and the levels.
     */
    void apply(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        context.getLogger("dev.gatehouse").setLevel(level);
        // The access log writes at INFO: a level above it would silence it, so it follows its own setting.
        context.getLogger("gatehouse.access").setLevel(accessLog ? Level.INFO : Level.OFF);
        if (json) {
            for (Logger logger : new Logger[] {root, context.getLogger("gatehouse.access")}) {
                logger.iteratorForAppenders().forEachRemaining(a -> toJson(a, context));
            }
        }
    }

    private static void toJson(Appender<ILoggingEvent> a, LoggerContext context) {
        if (a instanceof OutputStreamAppender<ILoggingEvent> out) {
            // Swapped in place, at start-up before anything logs: stopping the appender would close its
            // stream, which only a console appender knows how to open again.
            out.setEncoder(jsonEncoder(context));
        } else if (a instanceof QueuedConsoleAppender queued) {
            queued.setEncoder(jsonEncoder(context));
        }
    }

    /** One JSON object per line: the formatted message and the key-value pairs, not the raw arguments. */
    static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
