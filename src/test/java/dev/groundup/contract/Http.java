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
 * client library refuses to send.
 */
public final class Http {
    private static final CloseableHttpClient CLIENT = HttpClients.custom()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .build();

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
        try {
            return CLIENT.execute(request, response -> new Reply(
                    response.getCode(),
                    Arrays.asList(response.getHeaders()),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code request} as-is on a new connection and returns everything the server sends
     * until it closes the connection (ask for {@code Connection: close}) or goes quiet.
     */
    public static String raw(Deployment deployment, String request) {
        return raw(deployment.host(), deployment.port(), underContextPath(deployment, request));
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
        try (Socket socket = new Socket(host, port)) {
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
