package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundup.Config;
import dev.groundup.contract.Http.Reply;
import dev.groundup.launcher.Main;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with {@code --static-root DIR --list-dirs}: a folder without index.html lists what it holds. */
class FolderListingIT {
    @TempDir
    static Path tmp;
    static Server server;
    static URI base;

    @BeforeAll
    static void serveAFolderWithListings() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("site"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.writeString(root.resolve("b.txt"), "12345");
        Files.setLastModifiedTime(root.resolve("b.txt"), FileTime.from(Instant.parse("2026-11-24T10:00:00Z")));
        Files.writeString(root.resolve("A.txt"), "a");
        Files.writeString(root.resolve("<script>alert(1)&.txt"), "x");
        Files.writeString(root.resolve("a b#c?.txt"), "spaced");
        Files.writeString(root.resolve(".env"), "secret");
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("sub/deeper/note.md"), "# note");
        Files.createDirectories(root.resolve("with-index"));
        Files.writeString(root.resolve("with-index/index.html"), "<h1>own index</h1>");
        Files.createDirectories(root.resolve("WEB-INF"));
        Files.writeString(root.resolve("WEB-INF/web.xml"), "x");
        Files.createSymbolicLink(root.resolve("outside-link"), outside);

        server = Main.newServer(Config.fromArgs(List.of("--host", "127.0.0.1", "--port", "0", "--list-dirs",
                "--static-root", root.toString(), "--db-url", "jdbc:h2:mem:folder-listing-it"), Map.of()));
        server.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void theTopFolderListsFoldersFirstThenFilesByNameEscapedWithoutHiddenOnes() {
        Reply reply = get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("text/html;charset=utf-8");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-cache");
        String page = reply.text();
        assertThat(page).contains("<title>Index of /</title>")
                .contains("&lt;script&gt;alert(1)&amp;.txt").doesNotContain("<script>alert")
                .contains("href=\"a%20b%23c%3F.txt\"")
                .contains("<td class=\"size\">5</td><td>2026-11-24 10:00</td>")
                .doesNotContain(".env").doesNotContain("WEB-INF").doesNotContain("outside-link")
                .doesNotContain(">../<");
        assertThat(page.indexOf(">sub/<")).isLessThan(page.indexOf(">with-index/<"));
        assertThat(page.indexOf(">with-index/<")).isLessThan(page.indexOf(">&lt;script"));
        assertThat(page.indexOf(">a b#c?.txt<")).isLessThan(page.indexOf(">A.txt<")); // case aside, ' ' sorts before '.'
        assertThat(page.indexOf(">A.txt<")).isLessThan(page.indexOf(">b.txt<"));
    }

    @Test
    void aSubfolderLinksToItsParentAndItsEntriesResolve() {
        String page = get("/sub/deeper/").text();

        assertThat(page).contains("<a href=\"/sub/\">../</a>").contains("href=\"note.md\"");
        assertThat(get("/sub/deeper/note.md").text()).isEqualTo("# note");
        assertThat(get("/sub/").text()).contains("href=\"deeper/\"");
    }

    @Test
    void aFolderWithIndexHtmlShowsItAndMissingFoldersAre404() {
        assertThat(get("/with-index/").text()).isEqualTo("<h1>own index</h1>");
        assertThat(get("/nope/").status()).isEqualTo(404);
        assertThat(get("/outside-link/").status()).isEqualTo(404);
        assertThat(get("/.env").status()).isEqualTo(404);
    }

    @Test
    void headHasTheHeadersOnly() {
        String raw = Http.raw(base.getHost(), base.getPort(), "HEAD /sub/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n");
    }

    private static Reply get(String path) {
        return Http.send(ClassicRequestBuilder.get(base.resolve(path)).build());
    }
}
