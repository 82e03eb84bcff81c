package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.groundup.Config;
import dev.groundup.contract.Http;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A malformed CONNECT authority is the client's mistake: 400, and no WARN line per request (any
 * client could flood the log with them). Runs with the application's own logback.xml.
 */
class QuietRejectionsIT {

    @ParameterizedTest
    @ValueSource(strings = {"a:b:c", ":80", "[::1", "example.com:99999", "/x"})
    void aMalformedConnectAuthorityIs400AndLogsNoWarning(String authority) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        // With a secret, so the only warnings possible are the ones this test is about.
        Server server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0",
                "--db-url", "jdbc:h2:mem:quiet;DB_CLOSE_DELAY=-1", "--secret", "a secret for quiet rejections"),
                Map.of()));
        try {
            server.start();
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();

            String reply = Http.raw("127.0.0.1", port,
                    "CONNECT " + authority + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(reply).startsWith("HTTP/1.1 400 ");
            assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            server.stop();
            root.detachAppender(logged);
        }
    }
}
