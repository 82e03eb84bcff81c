package dev.groundup.launcher;

import java.io.PrintStream;
import java.util.TimeZone;
import dev.groundup.Config;
import dev.groundup.requestids.RequestIds;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.RolloverFileOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's access log: Jetty's request log, so it has every response, the ones Jetty
 * answers itself included, with the status and length actually sent. The format is NCSA combined
 * (client, user, time, request line, status, bytes, Referer, User-Agent), then the time taken in
 * milliseconds and the request id. No bodies, cookies, Authorization or other headers.
 *
 * <p>Lines go to stdout or a file through a {@link BatchedLogWriter} (one write per batch, not per
 * line), or, when a logging configuration gives the logger {@value #LOGGER} an appender, to it.
 */
final class AccessLog {
    static final String LOGGER = "groundup.access";
    static final String FORMAT = CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}T %{" + RequestIds.HEADER + "}o";
    /** As Jetty's RequestLogWriter: a file named with yyyy_mm_dd rolls over at midnight GMT and is kept 31 days. */
    private static final int RETAIN_DAYS = 31;

    private AccessLog() {
    }

    /** The request log {@code setting} asks for (see {@link Config#accessLog()}), or null for off. */
    static RequestLog of(String setting) {
        return of(setting, LoggerFactory.getLogger(LOGGER), System.out);
    }

    static RequestLog of(String setting, Logger logger, PrintStream stdout) {
        if (Config.ACCESS_LOG_OFF.equals(setting)) {
            return null;
        }
        if (Config.ACCESS_LOG_STDOUT.equals(setting)) {
            if (isLeftToTheLauncher(logger)) {
                return new CustomRequestLog(new BatchedLogWriter("stdout", () -> BatchedLogWriter.stdout(stdout)), FORMAT);
            }
            // A logging configuration of the operator's takes the lines, one event each.
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName(LOGGER);
            return new CustomRequestLog(writer, FORMAT);
        }
        return new CustomRequestLog(new BatchedLogWriter(setting,
                () -> new RolloverFileOutputStream(setting, true, RETAIN_DAYS, TimeZone.getTimeZone("GMT"), null, null)), FORMAT);
    }

    /**
     * True when the logging configuration leaves the access logger as the built-in logback.xml
     * does: on, with no appender of its own and none inherited. The launcher then prints the
     * lines itself; any appender given to it in a configuration of one's own takes them instead.
     */
    static boolean isLeftToTheLauncher(Logger logger) {
        return logger instanceof ch.qos.logback.classic.Logger logback && logback.isInfoEnabled()
                && !logback.isAdditive() && !logback.iteratorForAppenders().hasNext();
    }
}
