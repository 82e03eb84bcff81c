package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file of the built-in site comes back whole, with the type of its name: text types say
 * UTF-8, binary ones do not. (The full table is checked file by file in StaticRootIT.)
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticTypesIT {
    @Parameter
    Deployment deployment;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/index.html,          text/html;charset=utf-8",
            "/files/index.html,    text/html;charset=utf-8",
            "/css/site.css,        text/css;charset=utf-8",
            "/images/logo.svg,     image/svg+xml;charset=utf-8",
            "/images/ground.png,   image/png",
            "/images/ground.webp,  image/webp",
            "/images/icon-192.png, image/png",
            "/favicon.ico,         image/x-icon",
            "/site.webmanifest,    application/manifest+json;charset=utf-8",
            "/robots.txt,          text/plain;charset=utf-8",
    })
    void siteFileHasItsTypeAndItsBytes(String path, String type) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(type);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(Site.bytes(path).length));
        assertThat(reply.body()).isEqualTo(Site.bytes(path));
    }

    @Test
    void scriptIsJavaScriptInUtf8() {
        Reply reply = get(Site.script());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("text/javascript;charset=utf-8");
        assertThat(reply.body()).isEqualTo(Site.bytes(Site.script()));
    }

    @Test
    void headersABrowserSendsChangeNothing() {
        Reply reply = Http.send(ClassicRequestBuilder.get(deployment.uri("/css/site.css"))
                .addHeader("Upgrade-Insecure-Requests", "1").addHeader("Sec-Fetch-Dest", "style")
                .addHeader("X-Something-Unknown", "1").addHeader("Accept", "text/css,*/*;q=0.1").build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(Site.bytes("/css/site.css"));
    }

    @Test
    void homePageIsIndexHtml() {
        Reply reply = get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.body()).isEqualTo(Site.bytes("/index.html"));
    }

    @Test
    void homePagePullsInItsOwnResources() {
        String page = get("/").text();

        assertThat(page).contains("href=\"css/site.css\"", "src=\"" + Site.script().substring(1) + "\"",
                "src=\"images/logo.svg\"", "src=\"images/ground.png\"", "srcset=\"images/ground.webp\"",
                "href=\"favicon.ico\"", "href=\"site.webmanifest\"", "href=\"hello\"", "href=\"files/\"");
    }

    @Test
    void everyLinkOnTheSitesPagesAnswers() {
        Pattern link = Pattern.compile("(?:href|src|srcset)=\"([^\"#?:]+)\"");
        for (String page : List.of("/", "/files/")) {
            Matcher m = link.matcher(get(page).text());
            int links = 0;
            while (m.find()) {
                String target = URI.create(page).resolve(m.group(1)).getPath();
                assertThat(get(target).status()).as("%s links %s", page, target).isEqualTo(200);
                links++;
            }
            assertThat(links).as("links on %s", page).isGreaterThan(5);
        }
    }

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }
}
