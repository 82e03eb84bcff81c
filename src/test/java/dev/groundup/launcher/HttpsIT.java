package dev.groundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.groundup.Config;
import dev.groundup.TestCertificates;
import dev.groundup.contract.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.HttpVersion;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The launcher's HTTPS listener, in this JVM: HTTP/2 by ALPN and HTTP/1.1 beside it, cleartext
 * HTTP/2 with --h2c, the redirect and HSTS, a renewed certificate served without a restart, and
 * the launcher's protections (the head deadline, quiet rejections) on the TLS port too.
 */
class HttpsIT {
    private static final TestCertificates CA = TestCertificates.shared();
    private static final SSLContext TRUSTING = CA.clientContext();

    @TempDir
    Path dir;
    private Server server;
    private Path cert;
    private Path key;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static TestCertificates.Issued issued;

    /** One certificate for the class's servers: each keytool run is a JVM start. */
    private static synchronized TestCertificates.Issued issued() {
        if (issued == null) {
            issued = CA.issue();
        }
        return issued;
    }

    /** The launcher with a certificate for localhost and 127.0.0.1 in {@code dir} (copies: a test may renew them). */
    private void start(String... flags) throws Exception {
        TestCertificates.Issued issued = issued();
        cert = Files.copy(issued.chainPem(), dir.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
        key = Files.copy(issued.keyPem(), dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--https-port", "0",
                "--tls-cert", cert.toString(), "--tls-key", key.toString(), "--access-log", "off", "--head-timeout", "2",
                "--db-url", "jdbc:h2:mem:https-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--secret", "a secret for the https tests", "--no-techempower"));
        args.addAll(List.of(flags));
        server = Main.newServer(Config.fromArgs(args, Map.of()));
        server.start();
    }

    private int plainPort() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private int httpsPort() {
        return ((ServerConnector) server.getConnectors()[1]).getLocalPort();
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(TRUSTING).version(version).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void http2IsNegotiatedOverTls() throws Exception {
        start();
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello");

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello World");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
    }

    @Test
    void http11ClientsStillWorkOverTls() throws Exception {
        start();
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_1_1), "https://127.0.0.1:" + httpsPort() + "/hello");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("Hello World");

        // A client that offers no ALPN at all (older ones, scripts) is spoken to in HTTP/1.1 ...
        assertThat(http11Over(null)).isEqualTo("");
        // ... and one that offers http/1.1 only (curl --http1.1, h2load --h1) gets it by name.
        assertThat(http11Over("http/1.1")).isEqualTo("http/1.1");
    }

    /** GET /hello in HTTP/1.1 on a TLS connection offering {@code alpn} (null: no ALPN); the protocol ALPN chose. */
    private String http11Over(String alpn) throws IOException {
        try (SSLSocket socket = (SSLSocket) TRUSTING.getSocketFactory().createSocket("127.0.0.1", httpsPort())) {
            socket.setSoTimeout(10_000);
            if (alpn != null) {
                javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {alpn});
                socket.setSSLParameters(parameters);
            }
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(reply).startsWith("HTTP/1.1 200 ").endsWith("Hello World");
            return socket.getApplicationProtocol();
        }
    }

    @Test
    void theCertificateChainIsServedWithTheServersOwnFirst() throws Exception {
        start();
        java.security.cert.Certificate[] chain = served();
        assertThat(chain).hasSize(2);
        assertThat(((X509Certificate) chain[1]).getSubjectX500Principal()).isEqualTo(CA.ca().getSubjectX500Principal());
    }

    @Test
    void aPkcs12KeystoreServesAsThePemPairDoes() throws Exception {
        TestCertificates.Issued issued = CA.issue("EC");
        server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0", "--https-port", "0",
                "--keystore", issued.keystore().toString(), "--keystore-password", TestCertificates.PASSWORD,
                "--access-log", "off", "--db-url", "jdbc:h2:mem:https-keystore;DB_CLOSE_DELAY=-1"), Map.of()));
        server.start();
        assertThat(((X509Certificate) served()[0]).getSerialNumber()).isEqualTo(issued.certificate().getSerialNumber());
        assertThat(get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello").body())
                .isEqualTo("Hello World");
    }

    @Test
    void cleartextHttp2WithH2cByPriorKnowledgeAndByUpgrade() throws Exception {
        start("--h2c");
        // Prior knowledge: the client opens with the HTTP/2 preface, no HTTP/1.1 at all.
        try (CloseableHttpAsyncClient priorKnowledge = HttpAsyncClients.createHttp2Default()) {
            priorKnowledge.start();
            SimpleHttpResponse response = priorKnowledge.execute(
                    SimpleRequestBuilder.get("http://127.0.0.1:" + plainPort() + "/hello").build(), null)
                    .get(30, TimeUnit.SECONDS);
            assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(response.getBodyText()).isEqualTo("Hello World");
        }
        // Upgrade: h2c on an HTTP/1.1 request, as the JDK's client asks for it.
        HttpResponse<String> upgraded = get(client(HttpClient.Version.HTTP_2), "http://127.0.0.1:" + plainPort() + "/hello");
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(upgraded.body()).isEqualTo("Hello World");
    }

    @Test
    void withoutH2cThePlainPortStaysHttp11() throws Exception {
        start();
        HttpResponse<String> response = get(client(HttpClient.Version.HTTP_2), "http://127.0.0.1:" + plainPort() + "/hello");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("Hello World");
    }

    @Test
    void redirectHttpsAnswers308ToTheSameUrlOverHttps() throws Exception {
        start("--redirect-https");
        String reply = Http.raw("127.0.0.1", plainPort(),
                "GET /todos?filter=active&q=a%20b HTTP/1.1\r\nHost: localhost:" + plainPort() + "\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 308 ")
                .contains("\r\nLocation: https://localhost:" + httpsPort() + "/todos?filter=active&q=a%20b\r\n")
                .containsPattern("(?i)\r\nX-Request-Id: \\S+\r\n");
        String post = Http.raw("127.0.0.1", plainPort(),
                "POST /api/todos HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(post).startsWith("HTTP/1.1 308 ").contains("\r\nLocation: https://127.0.0.1:" + httpsPort() + "/api/todos\r\n");

        HttpResponse<String> secure = get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello");
        assertThat(secure.statusCode()).isEqualTo(200);
    }

    @Test
    void hstsIsOnHttpsResponsesOnly() throws Exception {
        start("--hsts");
        HttpResponse<String> secure = get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello");
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        HttpResponse<String> missing = get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

        HttpResponse<String> plain = get(client(HttpClient.Version.HTTP_1_1), "http://127.0.0.1:" + plainPort() + "/hello");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void withoutHstsHttpsResponsesHaveNone() throws Exception {
        start();
        HttpResponse<String> secure = get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello");
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        start();
        BigInteger first = ((X509Certificate) served()[0]).getSerialNumber();
        TestCertificates.Issued renewed = CA.issue("EC");

        // As an ACME client renews: new files in place of the old (key first, then the chain).
        Files.copy(renewed.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.chainPem(), cert, StandardCopyOption.REPLACE_EXISTING);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        BigInteger now = first;
        while (!now.equals(renewed.certificate().getSerialNumber()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200); // a poll interval, not an ordering
            now = ((X509Certificate) served()[0]).getSerialNumber();
        }
        assertThat(now).as("the renewed certificate's serial").isEqualTo(renewed.certificate().getSerialNumber());
        assertThat(get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello").body())
                .isEqualTo("Hello World");
    }

    @Test
    void aBrokenRenewalIsLoggedAndThePreviousCertificateKeepsServing() throws Exception {
        Logger reloads = (Logger) LoggerFactory.getLogger(CertificateReload.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        reloads.addAppender(logged);
        try {
            start();
            BigInteger first = ((X509Certificate) served()[0]).getSerialNumber();
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (logged.list.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100); // a poll interval, not an ordering
            }
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                    .contains("still serving the previous certificate", "--tls-key " + key);
            assertThat(((X509Certificate) served()[0]).getSerialNumber()).isEqualTo(first);
        } finally {
            reloads.detachAppender(logged);
        }
    }

    @Test
    void aTlsHandshakeTricklingPastTheHeadDeadlineIsDisconnected() throws Exception {
        start();
        byte[] clientHello = clientHello();
        try (Socket socket = new Socket("127.0.0.1", httpsPort())) {
            assertClosedWhileTrickling(socket, clientHello);
        }
    }

    @Test
    void aHeadTricklingInsideTlsPastTheDeadlineIsDisconnected() throws Exception {
        start();
        byte[] head = ("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(150) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (SSLSocket socket = (SSLSocket) TRUSTING.getSocketFactory().createSocket("127.0.0.1", httpsPort())) {
            socket.startHandshake();
            assertClosedWhileTrickling(socket, head);
        }
    }

    @Test
    void clientsThatDoNotSpeakTlsAreRefusedWithoutWarnings() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            start();
            // Plain HTTP to the HTTPS port, and a handshake given up halfway: the client's mistakes, not the server's.
            try (Socket plain = new Socket("127.0.0.1", httpsPort())) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(plain.getInputStream().readAllBytes()).doesNotContain("Hello World".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException reset) {
                // refused by closing: as good
            }
            try (Socket half = new Socket("127.0.0.1", httpsPort())) {
                byte[] hello = clientHello();
                half.getOutputStream().write(hello, 0, hello.length / 2);
                half.getOutputStream().flush();
            }
            assertThat(get(client(HttpClient.Version.HTTP_2), "https://127.0.0.1:" + httpsPort() + "/hello").body())
                    .isEqualTo("Hello World");
            assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            root.detachAppender(logged);
        }
    }

    /** Sends {@code bytes} one every 200 ms; the server must close the connection before they are all sent. */
    private static void assertClosedWhileTrickling(Socket socket, byte[] bytes) throws IOException {
        socket.setSoTimeout(200); // each wait for an answer paces the next byte
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        for (int i = 0; i < bytes.length; i++) {
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (IOException closed) {
                return;
            }
            try {
                int b = in.read();
                if (b == -1) {
                    return;
                }
                // A TLS alert or response bytes before the close: keep reading until it closes.
            } catch (SocketTimeoutException stillOpen) {
                // next byte
            } catch (IOException reset) {
                return;
            }
        }
        throw new AssertionError("all " + bytes.length + " bytes trickled in and the connection stayed open");
    }

    /** A real ClientHello, as the JDK's client would send it first. */
    private static byte[] clientHello() throws Exception {
        javax.net.ssl.SSLEngine engine = TRUSTING.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        engine.beginHandshake();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(java.nio.ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        return hello;
    }

    /** The certificate chain the HTTPS port presents to a new connection. */
    private java.security.cert.Certificate[] served() throws IOException {
        try (SSLSocket socket = (SSLSocket) TRUSTING.getSocketFactory().createSocket("127.0.0.1", httpsPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates();
        }
    }
}
