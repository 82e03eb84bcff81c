package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precompressed siblings, gzip on the fly, Vary, and HEAD answering with GET's headers.
 * site.css ships with site.css.br and site.css.gz; index.html (over 1 KB) and the script have none.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticCompressionIT {
    private static final String CSS = "/css/site.css";

    @Parameter
    Deployment deployment;

    @Test
    void brotliSiblingIsServedToAClientThatAcceptsIt() {
        Reply reply = get(CSS, "gzip, deflate, br");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Encoding")).isEqualTo("br");
        assertThat(reply.type()).isEqualTo("text/css;charset=utf-8");
        assertThat(reply.body()).isEqualTo(Site.bytes(CSS + ".br"));
        assertThat(Site.unbrotli(reply.body())).isEqualTo(Site.bytes(CSS));
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(Site.bytes(CSS + ".br").length));
    }

    @Test
    void gzipSiblingIsServedWhenBrotliIsNotAccepted() {
        Reply reply = get(CSS, "gzip");

        assertThat(reply.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(reply.body()).isEqualTo(Site.bytes(CSS + ".gz"));
        assertThat(Site.gunzip(reply.body())).isEqualTo(Site.bytes(CSS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0, br;q=0", "compress"})
    void identityWhenNoCodingIsAcceptable(String acceptEncoding) {
        Reply reply = get(CSS, acceptEncoding);

        assertThat(reply.header("Content-Encoding")).isNull();
        assertThat(reply.body()).isEqualTo(Site.bytes(CSS));
    }

    @Test
    void eachEncodingHasItsOwnETag() {
        String identity = get(CSS, null).header("ETag");
        String br = get(CSS, "br").header("ETag");
        String gzip = get(CSS, "gzip").header("ETag");

        assertThat(List.of(identity, br, gzip)).doesNotHaveDuplicates().doesNotContainNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "gzip"})
    void encodedETagRevalidatesTo304(String coding) {
        Reply full = get(CSS, coding);
        Reply notModified = Http.send(ClassicRequestBuilder.get(deployment.uri(CSS))
                .addHeader("Accept-Encoding", coding).addHeader("If-None-Match", full.header("ETag")).build());

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(full.header("ETag"));
    }

    @Test
    void largeTextWithoutSiblingIsGzippedOnTheFly() {
        byte[] page = Site.bytes("/index.html");
        assertThat(page.length).isGreaterThan(1024);

        Reply reply = get("/", "gzip, br");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(Site.gunzip(reply.body())).isEqualTo(page);
        assertThat(reply.body().length).isLessThan(page.length);
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.body().length));
        assertThat(reply.header("ETag")).isNotEqualTo(get("/", null).header("ETag"));
    }

    @Test
    void gzippedOnTheFlyRevalidatesTo304() {
        Reply full = get("/", "gzip");
        Reply notModified = Http.send(ClassicRequestBuilder.get(deployment.uri("/"))
                .addHeader("Accept-Encoding", "gzip").addHeader("If-None-Match", full.header("ETag")).build());

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(full.header("ETag"));
        assertThat(notModified.header("Content-Encoding")).isNull();
        assertThat(notModified.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/robots.txt", "/images/logo.svg", "/site.webmanifest"})
    void smallTextIsSentAsIs(String path) {
        assertThat(Site.bytes(path).length).isLessThanOrEqualTo(1024);

        Reply reply = get(path, "gzip");

        assertThat(reply.header("Content-Encoding")).isNull();
        assertThat(reply.body()).isEqualTo(Site.bytes(path));
        assertThat(reply.header("Vary")).isEqualToIgnoringCase("Accept-Encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/images/ground.png", "/images/ground.webp", "/images/icon-512.png", "/favicon.ico"})
    void imagesAreNeverCompressed(String path) {
        Reply reply = get(path, "gzip, deflate, br");

        assertThat(reply.header("Content-Encoding")).isNull();
        assertThat(reply.body()).isEqualTo(Site.bytes(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/css/site.css", "/robots.txt"})
    void compressibleResponsesVaryOnAcceptEncodingOnce(String path) {
        for (String acceptEncoding : new String[] {null, "gzip", "br"}) {
            Reply reply = get(path, acceptEncoding);
            assertThat(reply.headers("Vary")).as("%s with %s", path, acceptEncoding)
                    .singleElement().satisfies(v -> assertThat(v).isEqualToIgnoringCase("Accept-Encoding"));
        }
    }

    @ParameterizedTest(name = "{0} with Accept-Encoding {1}")
    @CsvSource(nullValues = "none", value = {
            "/, none", "/, gzip", "/css/site.css, none", "/css/site.css, br", "/css/site.css, gzip",
            "/images/ground.png, gzip", "/robots.txt, gzip"})
    void headAnswersWithGetsHeaders(String path, String acceptEncoding) {
        Reply get = get(path, acceptEncoding);
        var head = ClassicRequestBuilder.head(deployment.uri(path));
        if (acceptEncoding != null) {
            head.addHeader("Accept-Encoding", acceptEncoding);
        }
        Reply reply = Http.send(head.build());

        assertThat(reply.status()).isEqualTo(get.status());
        assertThat(reply.body()).isEmpty();
        assertThat(headers(reply)).isEqualTo(headers(get));
    }

    /** Every header but Date (it moves), by lower-cased name. */
    /**
     * The headers that describe the content: not Date or X-Request-Id, and not the hop-by-hop
     * Connection and Keep-Alive, which a container changes per connection (Tomcat closes every 100th request).
     */
    static Map<String, List<String>> headers(Reply reply) {
        Map<String, List<String>> all = new TreeMap<>();
        for (Header h : reply.headers()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("date") && !name.equals("x-request-id") && !name.equals("connection") && !name.equals("keep-alive")) {
                all.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(h.getValue());
            }
        }
        return all;
    }

    private Reply get(String path, String acceptEncoding) {
        var request = ClassicRequestBuilder.get(deployment.uri(path));
        if (acceptEncoding != null) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }
        return Http.send(request.build());
    }
}
