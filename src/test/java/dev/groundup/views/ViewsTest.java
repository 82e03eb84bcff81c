package dev.groundup.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewsTest {

    @Test
    void precompiledTemplatesEscapeEveryExpression() {
        byte[] page = Views.precompiled().render("errors/error.jte",
                new dev.groundup.errors.ErrorPageModel("/app", 404, "Not Found", "<b>no</b> & \"such\""));

        assertThat(new String(page, StandardCharsets.UTF_8))
                .contains("<h1>404 Not Found</h1>", "&lt;b&gt;no&lt;/b&gt; &amp; \"such\"", "<a href=\"/app/\">Home</a>",
                        "<link rel=\"stylesheet\" href=\"/app/css/site.css\">");
    }

    /** What --dev is for: edit a template, reload the page, see the change, no restart. */
    @Test
    void templatesFromSourceAreRecompiledWhenAFileChanges(@TempDir Path source) throws IOException {
        Path template = source.resolve("greeting.jte");
        Files.writeString(template, "@param String name\nHello ${name}!");
        Views views = Views.fromSource(source);

        assertThat(new String(views.render("greeting.jte", "<Ada>"), StandardCharsets.UTF_8)).isEqualTo("Hello &lt;Ada&gt;!");

        Files.writeString(template, "@param String name\nGoodbye ${name}.");
        // A later modification time, whatever the file system's clock granularity.
        Files.setLastModifiedTime(template, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(new String(views.render("greeting.jte", "Ada"), StandardCharsets.UTF_8)).isEqualTo("Goodbye Ada.");
    }
}
