package dev.groundup.launcher;

import dev.groundup.Config;
import java.time.Duration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The launcher's HTTPS listener: TLS 1.2 and 1.3 with the JDK's cipher order, HTTP/2 chosen by
 * ALPN with HTTP/1.1 for clients that do not ask for it, and the certificate re-read when its
 * files change.
 */
final class Https {
    /** What Strict-Transport-Security asks of a browser: a year, the usual value; no subdomains, which are not ours to decide. */
    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private Https() {
    }

    /**
     * A connector on {@code tls.port()} with the settings of {@code plain} (header sizes, no server
     * version), serving the certificate {@code loaded}.
     */
    static ServerConnector connector(Server server, Config config, HttpConfiguration plain, KeyMaterial.Loaded loaded) {
        Config.Tls tls = config.tls();
        HttpConfiguration https = new HttpConfiguration(plain);
        // No SNI host check: with one certificate it only refuses clients that skipped verifying it
        // (curl -k by IP address); a browser has checked the name already.
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false, false,
                tls.hsts() ? HSTS_MAX_AGE.toSeconds() : -1, false);
        https.addCustomizer(secure);

        // HTTP/1.1 inside TLS as on the plain port: an oversized chunk is refused at once there too.
        HttpConnectionFactory http1 = new ChunkLimit(https, config.maxBodyBytes());
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
        // Offers what the connector has after it, h2 first, under their ALPN names (h2, http/1.1).
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http1.getProtocol()); // a client that offers no ALPN speaks HTTP/1.1
        SslConnectionFactory ssl = new SslConnectionFactory(sslContextFactory(loaded), alpn.getProtocol());

        ServerConnector connector = new ServerConnector(server, ssl, alpn, http2, http1);
        connector.setHost(config.host());
        connector.setPort(tls.port());
        return connector;
    }

    static SslContextFactory.Server sslContextFactory(KeyMaterial.Loaded loaded) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        use(factory, loaded);
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // The JDK's enabled suites in its own order (strongest first), minus Jetty's exclusions
        // (no RSA key exchange, no SHA-1 MACs); those HTTP/2 forbids sorted last, as RFC 9113 asks.
        factory.setUseCipherSuitesOrder(true);
        factory.setCipherComparator(HTTP2Cipher.COMPARATOR);
        factory.setSniRequired(false);
        factory.setRenegotiationAllowed(false);
        return factory;
    }

    static void use(SslContextFactory factory, KeyMaterial.Loaded loaded) {
        factory.setKeyStore(loaded.keyStore());
        factory.setKeyStorePassword(loaded.password());
        factory.setKeyManagerPassword(loaded.password());
    }

    /** The factory the connector's TLS comes from. */
    static SslContextFactory.Server sslContextFactoryOf(ServerConnector connector) {
        return connector.getConnectionFactory(SslConnectionFactory.class).getSslContextFactory();
    }
}
