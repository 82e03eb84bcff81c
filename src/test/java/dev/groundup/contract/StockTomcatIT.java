package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.contract.Http.Reply;
import dev.groundup.contract.Servers.Started;
import dev.groundup.contract.Servers.StockTomcat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * docs/deploying.md's Tomcat steps on a stock Tomcat 11 layout, where people deploy: Tomcat's
 * own webapps stay; a WAR dropped in under a context path runs beside them with its own database.
 */
class StockTomcatIT {

    @Test
    void twoCopiesOfTheWarUnderContextPathsBesideTomcatsOwnRootEachKeepTheirOwnTodos() {
        StockTomcat tomcat = StockTomcat.create("tomcat-two-wars", "groundup.tomcatHome");
        tomcat.deploy("/groundup", Map.of()); // no settings: each falls back to its default database
        tomcat.deploy("/groundup-staging", Map.of());
        Started started = tomcat.start();
        try {
            URI first = Servers.awaitReady(at(started, "/groundup")).base();
            URI second = Servers.awaitReady(at(started, "/groundup-staging")).base();

            assertThat(create(first, "only in the first").status()).isEqualTo(201);
            assertThat(create(second, "only in the second").status()).isEqualTo(201);

            assertThat(get(first + "/api/todos").text()).contains("only in the first").doesNotContain("only in the second");
            assertThat(get(second + "/api/todos").text()).contains("only in the second").doesNotContain("only in the first");
            Path data = tomcat.base().resolve("data/groundup");
            assertThat(data.resolve("groundup.mv.db")).as("the first one's database, named after its context").exists();
            assertThat(data.resolve("groundup-staging.mv.db")).as("the second one's").exists();
            Reply tomcatsRoot = get(started.base() + "/");
            assertThat(tomcatsRoot.status()).as("Tomcat's bundled ROOT still answers /").isEqualTo(200);
            assertThat(tomcatsRoot.text()).contains("Apache Tomcat");
        } finally {
            Servers.stop(started.process());
        }
    }

    @Test
    void theSuitesTomcatIsTheStockLayoutWithGroundupAsRootAndItsSettingsFromTheDocumentedFile() {
        Deployment tomcat = Deployment.TOMCAT;

        assertThat(get(tomcat.uri("/hello").toString()).text()).isEqualTo("Hello World");
        Reply docs = get(tomcat.uri("/docs/").toString());
        assertThat(docs.status()).as("Tomcat's own documentation webapp, left in place").isEqualTo(200);
        assertThat(docs.text()).contains("Apache Tomcat");
        // The database URL came from conf/Catalina/localhost/ROOT.xml (an in-memory one): no default file.
        Path base = Servers.path("groundup.workDir").resolve("tomcat");
        assertThat(base.resolve("conf/Catalina/localhost/ROOT.xml")).exists();
        assertThat(base.resolve("webapps/examples")).isDirectory();
        assertThat(Files.exists(base.resolve("data"))).as("no default database under " + base).isFalse();
    }

    private static Started at(Started tomcat, String contextPath) {
        return new Started(tomcat.name(), tomcat.process(), tomcat.log(), URI.create(tomcat.base() + contextPath),
                tomcat.work());
    }

    private static Reply create(URI app, String title) {
        return Http.send(ClassicRequestBuilder.post(app + "/api/todos")
                .setEntity(new StringEntity("{\"title\":\"" + title + "\"}", ContentType.APPLICATION_JSON)).build());
    }

    private static Reply get(String uri) {
        return Http.send(ClassicRequestBuilder.get(uri).build());
    }
}
