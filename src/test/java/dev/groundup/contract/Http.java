package dev.groundup.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import dev.groundup.TestCertificates;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The suite's HTTP client: Apache HttpClient 5 with nothing done behind the test's back
 * (no redirects followed, no decompression, no retries), plus a raw socket for requests a
 * client library refuses to send. An https URL goes over HTTP/2 (the async client, which speaks
 * it), trusting the suite's throwaway CA; a raw socket to an HTTPS deployment speaks HTTP/1.1 in TLS.
 */
public final class Http {
    private static final CloseableHttpClient CLIENT = HttpClients.custom()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .build();
    /** Made on the first https request: a suite without the HTTPS deployment never starts it. */
    private static CloseableHttpAsyncClient h2;

    private Http() {
    }

    /** A response, read whole. */
    public record Reply(int status, List<Header> headers, byte[] body) {
        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.stream().filter(h -> h.getName().equalsIgnoreCase(name))
                    .map(Header::getValue).findFirst().orElse(null);
        }

        public List<String> headers(String name) {
            return headers.stream().filter(h -> h.getName().equalsIgnoreCase(name)).map(Header::getValue).toList();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Content-Type lower-cased without spaces, so {@code text/html; charset=UTF-8} reads {@code text/html;charset=utf-8}. */
        public String type() {
            String type = header("Content-Type");
            return type == null ? null : type.replace(" ", "").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + text();
        }
    }

    public static Reply send(ClassicHttpRequest request) {
        if (isHttps(request)) {
            return sendOverHttp2(request);
        }
        try {
            return CLIENT.execute(request, response -> new Reply(
                    response.getCode(),
                    Arrays.asList(response.getHeaders()),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHttps(ClassicHttpRequest request) {
        try {
            return "https".equals(request.getUri().getScheme());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** HTTP/2 only (FORCE_HTTP_2): a server that fell back to HTTP/1.1 would fail the request, not hide it. */
    private static synchronized CloseableHttpAsyncClient h2() {
        if (h2 == null) {
            h2 = HttpAsyncClients.custom()
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setTlsStrategy(new DefaultClientTlsStrategy(TestCertificates.shared().clientContext()))
                            .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_2).build())
                            .build())
                    .disableRedirectHandling()
                    .disableContentCompression()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                    .build();
            h2.start();
        }
        return h2;
    }

    /** The same request, its body read into memory, over HTTP/2; the response read whole. */
    static Reply sendOverHttp2(ClassicHttpRequest request) {
        try {
            SimpleHttpRequest simple = SimpleHttpRequest.create(request.getMethod(), request.getUri());
            for (Header header : request.getHeaders()) {
                // Connection-specific headers do not exist in HTTP/2 (RFC 9113 8.2.2): the client refuses them.
                if (!CONNECTION_SPECIFIC.contains(header.getName().toLowerCase(Locale.ROOT))) {
                    simple.addHeader(header);
                }
            }
            HttpEntity entity = request.getEntity();
            if (entity != null) {
                byte[] body = EntityUtils.toByteArray(entity);
                simple.setBody(body, entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()));
            }
            SimpleHttpResponse response = h2().execute(SimpleRequestProducer.create(simple), SimpleResponseConsumer.create(), null)
                    .get(60, TimeUnit.SECONDS);
            byte[] body = response.getBodyBytes();
            return new Reply(response.getCode(), Arrays.asList(response.getHeaders()), body == null ? new byte[0] : body);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");

    /**
     * A new connection to {@code deployment}, as its clients make it: a plain socket, or for an
     * HTTPS deployment a TLS one (HTTP/1.1: no ALPN offered), handshake done.
     */
    public static Socket socket(Deployment deployment) throws IOException {
        return socket(deployment.base().getScheme(), deployment.host(), deployment.port());
    }

    static Socket socket(String scheme, String host, int port) throws IOException {
        if (!"https".equals(scheme)) {
            return new Socket(host, port);
        }
        SSLSocket socket = (SSLSocket) TestCertificates.shared().clientContext().getSocketFactory().createSocket(host, port);
        socket.startHandshake();
        return socket;
    }

    /**
     * Writes {@code request} as-is on a new connection and returns everything the server sends
     * until it closes the connection (ask for {@code Connection: close}) or goes quiet.
     */
    public static String raw(Deployment deployment, String request) {
        return raw(deployment.base().getScheme(), deployment.host(), deployment.port(), underContextPath(deployment, request));
    }

    /** Each request line's path prefixed with the deployment's context path ({@code GET /x} -> {@code GET /groundup/x}). */
    static String underContextPath(Deployment deployment, String request) {
        if (deployment.contextPath().isEmpty()) {
            return request;
        }
        return REQUEST_LINE.matcher(request).replaceAll("$1$2 " + deployment.contextPath() + "/");
    }

    /** The start of a request line: at the beginning or after the blank line that ends the previous request. */
    private static final java.util.regex.Pattern REQUEST_LINE =
            java.util.regex.Pattern.compile("(^|\r\n\r\n)([A-Z]+) /");

    /** {@link #raw(Deployment, String)} for a server of the test's own. */
    public static String raw(String host, int port, String request) {
        return raw("http", host, port, request);
    }

    private static String raw(String scheme, String host, int port, String request) {
        try (Socket socket = socket(scheme, host, port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException quiet) {
                if (all.size() == 0) {
                    throw new AssertionError("the server neither answered nor closed the connection", quiet);
                }
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
