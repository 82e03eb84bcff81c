package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing outside the site, and nothing of WEB-INF or META-INF, is ever sent, however the path
 * is spelled; files are read-only. Paths go out byte for byte over a raw socket, since a client
 * library would normalise them first.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticSafetyIT {
    @Parameter
    Deployment deployment;

    @ParameterizedTest
    @ValueSource(strings = {
            "/WEB-INF/web.xml", "/web-inf/web.xml", "/WeB-iNf/web.xml", "/WEB-INF/", "/WEB-INF",
            "/%57EB-INF/web.xml", "/WEB-INF%2fweb.xml", "/./WEB-INF/web.xml", "/css/../WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF", "/meta-inf/MANIFEST.MF", "/META-INF/",
            "/css/%2e%2e/WEB-INF/web.xml", "/css/%2E%2E/WEB-INF/web.xml", "/css/.%2e/WEB-INF/web.xml",
            "/css/..%2fWEB-INF/web.xml", "/css/..%5cWEB-INF%5cweb.xml", "/css\\..\\WEB-INF\\web.xml",
            "/WEB-INF/web.xml%00", "/WEB-INF/web.xml%00.css", "/WEB-INF/web.xml;x=1", "/WEB-INF;x=1/web.xml",
    })
    void protectedFilesAreNeverSent(String path) {
        String response = rawGet(path);

        assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*");
        assertThat(response).doesNotContain("<web-app", "Manifest-Version", "dev.groundup.Wiring");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../../../../etc/passwd", "/css/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/css/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5c..%5cetc%5cpasswd",
            "/%252e%252e/%252e%252e/etc/passwd", "/.%2e/.%2e/.%2e/etc/passwd", "/css/site.css%00",
            "/..;/..;/..;/etc/passwd", "//etc/passwd",
    })
    void nothingOutsideTheSiteIsReachable(String path) {
        String response = rawGet(path);

        assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*");
        assertThat(response).doesNotContain("root:").doesNotContain("Exception");
    }

    @Test
    void encodedDotSegmentsAreRefusedEvenInsideTheSite() {
        assertThat(rawGet("/css/%2e%2e/index.html")).startsWith("HTTP/1.1 400 ");
        assertThat(rawGet("/css/%2e/site.css")).startsWith("HTTP/1.1 400 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "POST", "PATCH"})
    void writesAre405WithAllowAndAPage(String method) {
        Reply reply = Http.send(ClassicRequestBuilder.create(method).setUri(deployment.uri("/css/site.css")).build());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.text()).contains("<h1>405 Method Not Allowed</h1>", method);
        assertThat(Http.send(ClassicRequestBuilder.get(deployment.uri("/css/site.css")).build()).body())
                .isEqualTo(Site.bytes("/css/site.css"));
    }

    @Test
    void putOfANewFileCreatesNothing() {
        Reply put = Http.send(ClassicRequestBuilder.put(deployment.uri("/created.txt"))
                .setEntity("hello", org.apache.hc.core5.http.ContentType.TEXT_PLAIN).build());

        assertThat(put.status()).isEqualTo(405);
        assertThat(Http.send(ClassicRequestBuilder.get(deployment.uri("/created.txt")).build()).status()).isEqualTo(404);
    }

    @Test
    void optionsListsTheReadMethods() {
        Reply reply = Http.send(ClassicRequestBuilder.options(deployment.uri("/css/site.css")).build());

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(reply.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no/such/file.css", "/WEB-INF/web.xml", "/api/no/such"})
    void optionsWhereThereIsNothingIs404(String path) {
        Reply reply = Http.send(ClassicRequestBuilder.options(deployment.uri(path)).build());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Allow")).isNull();
    }

    private String rawGet(String path) {
        return Http.raw(deployment, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }
}
