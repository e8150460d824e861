package dev.drydock.backup.daemon;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/** The daemon's log lines as one JSON object each (logback's own JSON encoder), for log shippers. */
public final class LogFormat {

    private LogFormat() {
    }

    /** Switches the console appender of logback.xml ({@code stderr}) to JSON. */
    public static void json() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("stderr") instanceof ConsoleAppender<ILoggingEvent> console)) {
            throw new IllegalStateException("logback.xml has no 'stderr' console appender");
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // the message as a person reads it, with the time, level, thread and logger: what a shipper indexes
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMDC(false);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
