package dev.gatehouse.testlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * While open, the events of some loggers (and of those below them) are kept in memory instead of reaching
 * the console: a test that provokes warnings on purpose neither buries the build's output in them nor lets
 * them pass unseen, since it can assert them. On close, the loggers are as they were, and so are the levels
 * of the root logger, {@code dev.gatehouse} and {@code gatehouse.access}, which a server started in the test
 * may have set (a serve command applies its log settings).
 */
public final class ExpectedLog implements AutoCloseable {
    private static final List<String> LEVELS_KEPT = List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "dev.gatehouse",
            "gatehouse.access");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> kept = new ListAppender<>();
    private final Map<Logger, Boolean> additivity = new HashMap<>();
    private final Map<Logger, Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> rootAppenders = new ArrayList<>();

    private ExpectedLog(List<String> names) {
        kept.setContext(context);
        kept.start();
        for (String name : LEVELS_KEPT) {
            Logger l = context.getLogger(name);
            levels.put(l, l.getLevel());
        }
        for (String name : names) {
            Logger l = context.getLogger(name);
            levels.putIfAbsent(l, l.getLevel());
            if (name.equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
                l.iteratorForAppenders().forEachRemaining(rootAppenders::add);
                rootAppenders.forEach(l::detachAppender);
            } else {
                additivity.put(l, l.isAdditive());
                l.setAdditive(false);
            }
            l.addAppender(kept);
        }
    }

    /** Keeps what the named loggers log, and what is logged below them. */
    public static ExpectedLog of(String... loggers) {
        return new ExpectedLog(List.of(loggers));
    }

    /** Keeps everything logged, whatever the logger. */
    public static ExpectedLog everything() {
        return of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** What was logged so far, oldest first. */
    public List<ILoggingEvent> events() {
        synchronized (kept) {
            return List.copyOf(kept.list);
        }
    }

    /** Whether an event at {@code level} was logged whose message contains {@code text}. */
    public boolean has(Level level, String text) {
        return events().stream().anyMatch(e -> e.getLevel() == level && e.getFormattedMessage().contains(text));
    }

    /** "WARN logger: message" for each event, to show in an assertion's description. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        events().forEach(e -> out.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(": ")
                .append(e.getFormattedMessage()).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(kept);
        rootAppenders.forEach(root::addAppender);
        additivity.forEach((l, additive) -> {
            l.detachAppender(kept);
            l.setAdditive(additive);
        });
        levels.forEach(Logger::setLevel);
        kept.stop();
    }
}
