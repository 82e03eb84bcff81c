package dev.groundup.launcher;

import dev.groundup.Config;
import dev.groundup.requestids.RequestIds;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.AsyncRequestLogWriter;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * The launcher's access log: Jetty's request log, so it has every response, the ones Jetty
 * answers itself included, with the status and length actually sent. The format is NCSA combined
 * (client, user, time, request line, status, bytes, Referer, User-Agent), then the time taken in
 * milliseconds and the request id. No bodies, cookies, Authorization or other headers.
 */
final class AccessLog {
    static final String LOGGER = "groundup.access";
    static final String FORMAT = CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}T %{" + RequestIds.HEADER + "}o";

    private AccessLog() {
    }

    /** The request log {@code setting} asks for (see {@link Config#accessLog()}), or null for off. */
    static RequestLog of(String setting) {
        if (Config.ACCESS_LOG_OFF.equals(setting)) {
            return null;
        }
        if (Config.ACCESS_LOG_STDOUT.equals(setting)) {
            // Through SLF4J, so a logging configuration can send it anywhere; ours prints it to stdout.
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName(LOGGER);
            return new CustomRequestLog(writer, FORMAT);
        }
        AsyncRequestLogWriter file = new AsyncRequestLogWriter(setting); // written by its own thread
        file.setAppend(true);
        return new CustomRequestLog(file, FORMAT);
    }
}
