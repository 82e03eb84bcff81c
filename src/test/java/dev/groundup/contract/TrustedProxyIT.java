package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URI;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With {@code --trust-proxy true}, todo links use the scheme and host a reverse proxy passes on,
 * and only well-formed ones. (Without it they are ignored: {@link TodoApiIT} shows that in every
 * deployment.) The launcher in this JVM stands in for all three: the code is the same.
 */
class TrustedProxyIT {
    private static URI base;

    @BeforeAll
    static void start() {
        base = Servers.launcher("--db-url", "jdbc:h2:mem:trusted-proxy;DB_CLOSE_DELAY=-1", "--trust-proxy", "true").base();
    }

    @ParameterizedTest(name = "proto [{0}] host [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https        | todo.example.com      | https://todo.example.com",
            "HTTPS        | -                     | https://127.0.0.1:PORT",
            "-            | todo.example.com:8443 | http://todo.example.com:8443",
            "https, http  | a.example, b.internal | https://a.example",
            "https        | [2001:db8::1]:443     | https://[2001:db8::1]:443",
            "javascript   | evil.example/x?y      | http://127.0.0.1:PORT",
            "ftp          | a b                   | http://127.0.0.1:PORT",
    })
    void linksFollowTheProxysHeadersWhenTheyAreWellFormed(String proto, String host, String origin) {
        Reply reply = post("X-Forwarded-Proto", proto, "X-Forwarded-Host", host);

        String expected = origin.replace("PORT", String.valueOf(base.getPort())) + "/api/todos/";
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).startsWith(expected).matches(".*/api/todos/\\d+");
        assertThat(reply.text()).contains("\"url\":\"" + reply.header("Location") + "\"");
    }

    @ParameterizedTest(name = "Forwarded [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "proto=https;host=todo.example.com                       | https://todo.example.com",
            "for=192.0.2.60;proto=https;host=\"[2001:db8::1]:8443\"    | https://[2001:db8::1]:8443",
            "For=\"[2001:db8::2]\";Host=a.example, proto=http;host=b  | http://a.example",
            "host=\"a.example;proto=https\"                          | http://127.0.0.1:PORT",
            "proto=javascript;host=evil.example/x                    | http://127.0.0.1:PORT",
            "for=unknown                                             | http://127.0.0.1:PORT",
    })
    void theStandardForwardedHeaderCountsAndBeatsXForwarded(String forwarded, String origin) {
        Reply reply = post("Forwarded", forwarded, "X-Forwarded-Host", "ignored.example", "X-Forwarded-Proto", "https");

        String expected = origin.replace("PORT", String.valueOf(base.getPort())) + "/api/todos/";
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).startsWith(expected).matches(".*/api/todos/\\d+");
    }

    @ParameterizedTest(name = "X-Forwarded-Prefix [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/app          | https://todo.example.com/app/api/todos/",
            "/a/b/         | https://todo.example.com/a/b/api/todos/",
            "/app, /other  | https://todo.example.com/app/api/todos/",
            "app           | https://todo.example.com/api/todos/",
            "/../x         | https://todo.example.com/api/todos/",
            "//evil.example| https://todo.example.com/api/todos/",
            "/a\"b         | https://todo.example.com/api/todos/",
    })
    void aPrefixTheProxyStripsIsPutBackWhenWellFormed(String prefix, String expected) {
        Reply reply = post("X-Forwarded-Prefix", prefix, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "todo.example.com");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).startsWith(expected).matches(".*/api/todos/\\d+");
        assertThat(reply.text()).contains("\"url\":\"" + reply.header("Location") + "\"");
    }

    /** POST /api/todos with these headers, name then value; a null value leaves its header out. */
    private static Reply post(String... headers) {
        ClassicRequestBuilder post = ClassicRequestBuilder.post(base.resolve("/api/todos"))
                .setEntity(new StringEntity("{\"title\":\"behind a proxy\"}", ContentType.APPLICATION_JSON));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                post.addHeader(headers[i], headers[i + 1]);
            }
        }
        return Http.send(post.build());
    }
}
