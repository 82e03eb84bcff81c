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

/** A folder answers with its index.html, a folder without the slash redirects, nothing is listed. */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class StaticDirectoriesIT {
    @Parameter
    Deployment deployment;

    @Test
    void folderWithSlashServesItsIndex() {
        Reply reply = get("/files/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.body()).isEqualTo(Site.bytes("/files/index.html"));
    }

    @Test
    void folderWithoutSlashRedirectsToIt() {
        Reply reply = get("/files");

        assertThat(reply.status()).isIn(301, 302, 307, 308);
        assertThat(reply.header("Location")).matches("(https?://[^/]+)?" + deployment.path("/files/"));
    }

    @Test
    void folderWithoutSlashKeepsTheQuery() {
        Reply reply = get("/files?x=1");

        assertThat(reply.status()).isIn(301, 302, 307, 308);
        assertThat(reply.header("Location")).endsWith("/files/?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/images/", "/css/", "/js/"})
    void folderWithoutIndexIsNotListed(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.text()).contains("<h1>404 Not Found</h1>").doesNotContain("site.css.br", "ground.png", "app.859829ea"); // no listing
    }

    @Test
    void missingFileIsOurHtml404() {
        Reply reply = get("/css/nope.css");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.text()).contains("<h1>404 Not Found</h1>")
                .doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
    }

    private Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(deployment.uri(path)).build());
    }
}
