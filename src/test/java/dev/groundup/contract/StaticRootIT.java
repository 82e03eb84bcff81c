package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import dev.groundup.launcher.Main;
import dev.groundup.contract.Http.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher with {@code --static-root}: any folder, served with every behaviour of the built-in
 * site, and nothing outside it, however it is linked. Also checks the full type table, file by file.
 */
class StaticRootIT {
    @TempDir
    static Path tmp;
    static Path root;
    static Server server;
    static URI base;

    @BeforeAll
    static void serveAFolder() throws Exception {
        root = Files.createDirectory(tmp.resolve("site"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the root");

        Files.writeString(root.resolve("index.html"), "<!doctype html><title>root</title><h1>Folder</h1>");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<!doctype html><title>docs</title>");
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("big.css"), "body { color: #123456; }\n".repeat(200));
        Files.writeString(root.resolve("app.0a1b2c3d.js"), "console.log('fingerprinted');\n");
        for (String ext : new String[] {"html", "css", "js", "mjs", "json", "svg", "png", "jpg", "gif", "webp", "avif",
                "ico", "woff", "woff2", "wasm", "txt", "webmanifest", "mp4", "pdf", "xml", "map",
                "htm", "jpeg", "md", "csv", "ttf", "otf", "webm", "mp3", "zip"}) {
            Files.writeString(root.resolve("sample." + ext), "sample " + ext + "\n");
        }
        Files.writeString(root.resolve("LICENSE"), "license text\n");
        Files.writeString(root.resolve("data.unknownext"), "bytes\n");
        Files.writeString(root.resolve(".env"), "SECRET=1\n");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n");
        Files.createDirectories(root.resolve(".well-known"));
        Files.writeString(root.resolve(".well-known/security.txt"), "Contact: mailto:a@example.com\n");
        Files.createDirectories(root.resolve("docs/.private"));
        Files.writeString(root.resolve("docs/.private/x.txt"), "private\n");
        // Configuration the folder may carry is content, never configuration: if Jetty read these,
        // the server would not start.
        Files.createDirectories(root.resolve("WEB-INF"));
        Files.writeString(root.resolve("WEB-INF/web.xml"), "not xml <");
        Files.writeString(root.resolve("WEB-INF/jetty-web.xml"), "not xml <");
        Files.writeString(root.resolve("WEB-INF/secret.txt"), "inside WEB-INF");
        Files.createDirectories(root.resolve("META-INF"));
        Files.writeString(root.resolve("META-INF/secret.txt"), "inside META-INF");
        Files.createDirectories(root.resolve("web-inf"));
        Files.writeString(root.resolve("web-inf/secret.txt"), "inside web-inf");

        Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("sample.txt"));
        Files.createSymbolicLink(root.resolve("docs-link"), root.resolve("docs"));
        Files.createSymbolicLink(root.resolve("outside-link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside-dir"), outside);
        Files.createSymbolicLink(root.resolve("up"), tmp);
        Files.createSymbolicLink(root.resolve("relative-up.txt"), Path.of("../outside/secret.txt"));

        // An in-memory database of its own: stopping this server must not close the suite's.
        server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0",
                "--static-root", root.toString(), "--db-url", "jdbc:h2:mem:static-root-it"), Map.of()));
        server.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "html, text/html;charset=utf-8", "css, text/css;charset=utf-8", "js, text/javascript;charset=utf-8",
            "mjs, text/javascript;charset=utf-8", "json, application/json;charset=utf-8",
            "svg, image/svg+xml;charset=utf-8", "png, image/png", "jpg, image/jpeg", "gif, image/gif",
            "webp, image/webp", "avif, image/avif", "ico, image/x-icon", "woff, font/woff", "woff2, font/woff2",
            "wasm, application/wasm", "txt, text/plain;charset=utf-8",
            "webmanifest, application/manifest+json;charset=utf-8", "mp4, video/mp4", "pdf, application/pdf",
            "xml, application/xml;charset=utf-8", "map, application/json;charset=utf-8",
            "htm, text/html;charset=utf-8", "jpeg, image/jpeg", "md, text/markdown;charset=utf-8",
            "csv, text/csv;charset=utf-8", "ttf, font/ttf", "otf, font/otf", "webm, video/webm",
            "mp3, audio/mpeg", "zip, application/zip",
    })
    void everyTypeInTheTable(String ext, String type) {
        Reply reply = get("/sample." + ext);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(type);
        assertThat(reply.text()).isEqualTo("sample " + ext + "\n");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/LICENSE", "/data.unknownext"})
    void aFileOfNoKnownTypeIsADownload(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("application/octet-stream");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Http.send(ClassicRequestBuilder.get(base.resolve(path)).addHeader("Accept-Encoding", "gzip").build())
                .type()).isEqualTo("application/octet-stream");
        assertThat(get("/missing.unknownext").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/.git/", "/.git", "/docs/.private/x.txt", "/.well-known/.env"})
    void dotfilesAreNotFound(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("SECRET", "[core]", "private");
    }

    @Test
    void wellKnownIsServed() {
        assertThat(get("/.well-known/security.txt").text()).isEqualTo("Contact: mailto:a@example.com\n");
    }

    @Test
    void folderIndexRedirectAndNoListing() {
        assertThat(get("/").text()).contains("<h1>Folder</h1>");
        assertThat(get("/").header("Cache-Control")).isEqualTo("no-cache");
        assertThat(get("/docs/").text()).contains("<title>docs</title>");
        Reply redirect = get("/docs");
        assertThat(redirect.status()).isIn(301, 302, 307, 308);
        assertThat(redirect.header("Location")).endsWith("/docs/");
        Reply empty = get("/empty/");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.type()).isEqualTo("text/html;charset=utf-8");
    }

    @Test
    void cachingAndConditionalRequests() {
        Reply css = get("/big.css");
        assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=600");
        assertThat(get("/app.0a1b2c3d.js").header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        Reply notModified = Http.send(ClassicRequestBuilder.get(base.resolve("/big.css"))
                .addHeader("If-None-Match", css.header("ETag")).build());
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=600");
    }

    @Test
    void rangesAndCompression() {
        Reply range = Http.send(ClassicRequestBuilder.get(base.resolve("/big.css")).addHeader("Range", "bytes=-5").build());
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.text()).isEqualTo("6; }\n");

        Reply gzip = Http.send(ClassicRequestBuilder.get(base.resolve("/big.css")).addHeader("Accept-Encoding", "gzip").build());
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(Site.gunzip(gzip.body()), StandardCharsets.UTF_8)).isEqualTo("body { color: #123456; }\n".repeat(200));
        assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/inside-link.txt", "/docs-link/index.html", "/docs-link/"})
    void symlinksInsideTheRootAreFollowed(String path) {
        assertThat(get(path).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/outside-link.txt", "/outside-dir/secret.txt", "/up/outside/secret.txt",
            "/relative-up.txt"})
    void symlinksLeavingTheRootAreNotFound(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("outside the root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/WEB-INF/secret.txt", "/WEB-INF/web.xml", "/WEB-INF/jetty-web.xml", "/web-inf/secret.txt",
            "/Web-Inf/secret.txt", "/META-INF/secret.txt", "/meta-inf/secret.txt"})
    void webInfAndMetaInfInAnyCaseAreNotFound(String path) {
        Reply reply = get(path);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("inside", "not xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/docs/..%2f..%2foutside/secret.txt",
            "/sample.txt%00", "/docs%5c..%5c..%5coutside%5csecret.txt"})
    void traversalIsRefused(String path) {
        String response = Http.raw(base.getHost(), base.getPort(),
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*").doesNotContain("outside the root");
    }

    @Test
    void filesAreReadOnly() throws IOException {
        Reply put = Http.send(ClassicRequestBuilder.put(base.resolve("/new.txt"))
                .setEntity("x", org.apache.hc.core5.http.ContentType.TEXT_PLAIN).build());
        Reply delete = Http.send(ClassicRequestBuilder.delete(base.resolve("/sample.txt")).build());

        assertThat(put.status()).isEqualTo(405);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(Files.exists(root.resolve("new.txt"))).isFalse();
        assertThat(Files.exists(root.resolve("sample.txt"))).isTrue();
    }

    private static Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(base.resolve(path)).build());
    }
}
