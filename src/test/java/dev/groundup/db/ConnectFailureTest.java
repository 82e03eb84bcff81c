package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundup.StartupException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is one line in words an operator acts on, the password masked. */
class ConnectFailureTest {

    @Test
    void anUnknownHostSaysSo() {
        String url = "jdbc:postgresql://db.invalid:5432/groundup?user=app&password=s3cret";

        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StartupException.class)
                .hasMessage("cannot connect to the database jdbc:postgresql://db.invalid:5432/groundup?user=app&password=***: "
                        + "Cannot reach db.invalid:5432: unknown host");
    }

    @Test
    void aRefusedConnectionSaysSoAndTheDefaultPortIsNamed() throws IOException {
        int closedPort = closedPort();

        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:" + closedPort + "/groundup?password=s3cret"))
                .hasMessageEndingWith(": Cannot reach 127.0.0.1:" + closedPort + ": connection refused")
                .hasMessageNotContaining("s3cret");
        assertThat(ConnectFailure.server("jdbc:postgresql://db.internal/groundup")).isEqualTo("db.internal:5432");
        assertThat(ConnectFailure.server("jdbc:postgresql://[::1]:6543/groundup")).isEqualTo("[::1]:6543");
        assertThat(ConnectFailure.server("jdbc:h2:tcp://localhost/~/x")).isEqualTo("localhost:9092");
        assertThat(ConnectFailure.server("jdbc:h2:./data/groundup")).isNull();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // Accepts the connection and then says nothing, as a frozen or firewalled server would.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().read(new byte[0]);
                    held.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // closed when the test ends
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/groundup?loginTimeout=1&socketTimeout=1&password=s3cret"))
                    .hasMessageEndingWith(": Cannot reach 127.0.0.1:" + silent.getLocalPort() + ": timed out")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void aRejectedUserIsAnAuthenticationFailure() {
        String server = TestPostgres.url(); // skips (or fails under CI=true) without a PostgreSQL
        String url = server.replace("user=postgres", "user=no_such_role_here&password=s3cret");

        assertThatThrownBy(() -> Database.open(url))
                .hasMessageContaining(": authentication failed for user no_such_role_here (")
                .hasMessageNotContaining("s3cret");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
